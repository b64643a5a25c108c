-- kplan state, schema 4: the host each version was written from, beside who (the user), when and
-- by what command, so that `kplan state history` can say where a change came from. Versions
-- written before this schema have an empty host.

ALTER TABLE state_version ADD COLUMN host VARCHAR(512) DEFAULT '' NOT NULL;
