-- kplan state, schema 7: the intent journal. Before the applier asks a provider to create an object
-- it writes a row here (its own transaction): the instance's address, the provider configuration and
-- resource type, and the identity the provider says the object will have (a name, a namespace, a tag,
-- a client token; JSON object of strings, never a sensitive value). The provider's answer is recorded
-- with result_serial set in the same transaction as the object itself; then the row is deleted (the
-- intent is closed). A row left behind is a create that a crash interrupted: the next plan asks the
-- provider to look the object up by its identity and adopts it, so that no object exists that the
-- state does not know. Rows belong to no state version and are not part of any checksum.

CREATE TABLE intent_journal (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  address VARCHAR(2048) NOT NULL,
  provider VARCHAR(1024) NOT NULL,
  resource_type VARCHAR(512) NOT NULL,
  identity_json VARCHAR NOT NULL,
  created TIMESTAMP WITH TIME ZONE NOT NULL,
  owner VARCHAR(512) NOT NULL,
  result_serial BIGINT
);
CREATE INDEX intent_journal_created_idx ON intent_journal (created);
