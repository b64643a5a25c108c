-- kplan state, schema 2: deposed objects. While create_before_destroy replaces an object, the old
-- one is "deposed": no longer the instance's current object, but still existing until it is
-- destroyed. An apply that fails in between must keep both, so deposed objects get rows of their
-- own, keyed by address and an 8-hex-digit deposed key, with the same version ranges as
-- resource_instance (resource_instance itself is unchanged: one current object per address).

CREATE TABLE resource_deposed (
  address VARCHAR(2048) NOT NULL,
  deposed_key VARCHAR(64) NOT NULL,
  since_serial BIGINT NOT NULL,
  until_serial BIGINT,
  provider VARCHAR(1024) NOT NULL,
  schema_version INTEGER NOT NULL,
  attributes_json VARCHAR NOT NULL,
  sensitive_paths_json VARCHAR NOT NULL,
  dependencies_json VARCHAR NOT NULL,
  tainted BOOLEAN NOT NULL,
  private_data VARCHAR,
  CONSTRAINT resource_deposed_pk PRIMARY KEY (address, deposed_key, since_serial),
  CONSTRAINT resource_deposed_since_fk FOREIGN KEY (since_serial) REFERENCES state_version (serial),
  CONSTRAINT resource_deposed_until_fk FOREIGN KEY (until_serial) REFERENCES state_version (serial)
);
CREATE INDEX resource_deposed_until_idx ON resource_deposed (until_serial);
