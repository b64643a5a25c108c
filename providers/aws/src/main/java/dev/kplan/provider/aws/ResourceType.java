package dev.kplan.provider.aws;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ResourceSchema;
import java.util.List;
import java.util.Map;

/**
 * One AWS resource type. Reads take many instances at once so that a type can batch them; every
 * state a type returns is read back from AWS. Implementations are stateless and thread-safe.
 */
interface ResourceType {
  String name();

  ResourceSchema schema();

  /** Values planned for optional computed arguments the configuration leaves out at create (AWS's defaults). */
  default Map<String, Value> defaults() {
    return Map.of();
  }

  /**
   * Computed attributes that are planned as this value whenever the configuration leaves them out, at update
   * too (not kept from the prior state): what kplan puts back when the attribute is not configured.
   */
  default Map<String, Value> whenLeftOut() {
    return Map.of();
  }

  /** Nested blocks whose change replaces the object (attributes say so in their schema). */
  default java.util.Set<String> blocksForcingNew() {
    return java.util.Set.of();
  }

  /** Checks beyond the schema; unknown values pass. */
  default dev.kplan.lang.diag.Diagnostics validate(ObjectValue config) {
    return dev.kplan.lang.diag.Diagnostics.NONE;
  }

  /** The live states of {@code priors}, in order; a null value for each object that is gone. */
  List<Value> read(List<ObjectValue> priors, AwsContext ctx);

  /** Creates the object and returns its id (the state is then read back). {@code address} goes into a tag. */
  String create(ObjectValue planned, String address, AwsContext ctx);

  /**
   * {@link #create(ObjectValue, String, AwsContext)} with the identity kplan journaled for it (empty when none was):
   * a type whose identity holds what it made up (a client token, a generated name) creates with exactly that.
   */
  default String create(ObjectValue planned, String address, Map<String, String> identity, AwsContext ctx) {
    return create(planned, address, ctx);
  }

  /**
   * Changes in place what the plan changed (only attributes that do not force a replacement);
   * {@code address}, when known, is written to the address tag again.
   */
  void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx);

  /** {@link #update}, returning the object's id afterwards: a few types get a new id (route table associations). */
  default String updateInPlace(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    update(prior, planned, address, ctx);
    return Vals.string(prior, "id");
  }

  /**
   * Adjusts an in-place update's planned state (attributes kept from the prior that the update will change, such
   * as the public IP of an instance that is stopped and started); the default changes nothing.
   */
  default Map<String, Value> planUpdate(ObjectValue prior, Map<String, Value> planned) {
    return planned;
  }

  void delete(ObjectValue prior, AwsContext ctx);

  /**
   * Whether a change of {@code attribute} outside kplan, from {@code prior} (as stored) to {@code live}, touches
   * security (opens access, widens permissions); the plan flags such drift.
   */
  default boolean securitySensitive(String attribute, Value prior, Value live) {
    return false;
  }

  /**
   * As {@link #securitySensitive(String, Value, Value)}, with both whole objects, for types where one attribute
   * cannot tell (a rule's source matters only with its ports); the default asks about the attribute alone.
   */
  default boolean securitySensitiveChange(String attribute, ObjectValue stored, ObjectValue live) {
    return securitySensitive(attribute, Vals.get(stored, attribute), Vals.get(live, attribute));
  }

  /** Whether the object's deletion outside kplan touches security (a public access block removed…). */
  default boolean securitySensitiveWhenGone() {
    return false;
  }

  /**
   * Whether a create makes an object of its own in AWS (false for a setting of another object, such as a bucket's
   * versioning: applying it again is all an interrupted create needs, so kplan journals nothing for it).
   */
  default boolean remote() {
    return true;
  }

  /**
   * What identifies the object {@link #create} makes for {@code planned} at {@code address}: kplan records it in its
   * intent journal before the create, and hands it to {@link #lookup} if it dies before storing the object. The
   * default is kplan's address tag, which every create of a taggable type writes; add what else narrows the search
   * (a name). Never a sensitive value.
   */
  default Map<String, String> identity(ObjectValue planned, String address) {
    return Map.of(Tags.ADDRESS, address);
  }

  /**
   * The ids of the objects of this type that a create identified by {@code identity} made (normally one; none when
   * the create never reached AWS), for kplan to adopt after an apply died between the create and the state write.
   * Must only read. Null: this type cannot look its objects up (the default), and kplan warns that an object may
   * have been left behind; implement it with each new type.
   */
  default List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    return null;
  }

  /** A prior state that holds only the id, for {@link #read} to fill in at import. */
  default ObjectValue importPrior(String id) {
    return Value.object(Map.of("id", Value.string(id)));
  }
}
