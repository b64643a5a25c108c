-- kplan state, schema 1. Portable SQL: H2 2.x and PostgreSQL accept every statement as written
-- (no vendor types, no MERGE/UPSERT, no identity columns; VARCHAR without a length is unbounded
-- on PostgreSQL and takes the maximum length, far above any object, on H2).
--
-- Every version is kept. Rows of resource_instance and output_value carry the half-open range of
-- versions they belong to: [since_serial, until_serial). The latest state is the rows whose
-- until_serial is NULL, so read() is one indexed scan however long the history is, begin() writes
-- one row, and record() touches at most two rows in one small transaction. The content of any
-- older version S is the rows with since_serial <= S AND (until_serial IS NULL OR until_serial > S).

CREATE TABLE state_meta (
  id INTEGER NOT NULL PRIMARY KEY,
  lineage VARCHAR(64) NOT NULL,
  created TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE state_version (
  serial BIGINT NOT NULL PRIMARY KEY,
  lineage VARCHAR(64) NOT NULL,
  created TIMESTAMP WITH TIME ZONE NOT NULL,
  who VARCHAR(512) NOT NULL,
  command VARCHAR(512) NOT NULL,
  added INTEGER NOT NULL,
  changed INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  sealed BOOLEAN NOT NULL
);

CREATE TABLE resource_instance (
  address VARCHAR(2048) NOT NULL,
  since_serial BIGINT NOT NULL,
  until_serial BIGINT,
  provider VARCHAR(1024) NOT NULL,
  schema_version INTEGER NOT NULL,
  attributes_json VARCHAR NOT NULL,
  sensitive_paths_json VARCHAR NOT NULL,
  dependencies_json VARCHAR NOT NULL,
  tainted BOOLEAN NOT NULL,
  private_data VARCHAR,
  CONSTRAINT resource_instance_pk PRIMARY KEY (address, since_serial),
  CONSTRAINT resource_instance_since_fk FOREIGN KEY (since_serial) REFERENCES state_version (serial),
  CONSTRAINT resource_instance_until_fk FOREIGN KEY (until_serial) REFERENCES state_version (serial)
);
CREATE INDEX resource_instance_until_idx ON resource_instance (until_serial);
CREATE INDEX resource_instance_since_idx ON resource_instance (since_serial);

CREATE TABLE output_value (
  name VARCHAR(512) NOT NULL,
  since_serial BIGINT NOT NULL,
  until_serial BIGINT,
  value_json VARCHAR NOT NULL,
  sensitive BOOLEAN NOT NULL,
  CONSTRAINT output_value_pk PRIMARY KEY (name, since_serial),
  CONSTRAINT output_value_since_fk FOREIGN KEY (since_serial) REFERENCES state_version (serial),
  CONSTRAINT output_value_until_fk FOREIGN KEY (until_serial) REFERENCES state_version (serial)
);
CREATE INDEX output_value_until_idx ON output_value (until_serial);

-- At most one row: the holder of the state lock. Holder host and pid let another process on the
-- same host recognise a lock whose process died (kill -9) and clear it.
CREATE TABLE state_lock (
  slot VARCHAR(64) NOT NULL PRIMARY KEY,
  lock_id VARCHAR(64) NOT NULL,
  owner VARCHAR(512) NOT NULL,
  operation VARCHAR(512) NOT NULL,
  created TIMESTAMP WITH TIME ZONE NOT NULL,
  holder_host VARCHAR(512) NOT NULL,
  holder_pid BIGINT NOT NULL
);
