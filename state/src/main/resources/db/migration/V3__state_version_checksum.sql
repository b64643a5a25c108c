-- kplan state, schema 3: integrity. Every version carries the SHA-256 (64 hex digits) of its
-- canonical content (serial, lineage, resources, outputs, deposed objects), computed when the
-- version is sealed. NULL only while a version is open; versions written before this schema get
-- theirs when kplan first opens the store (their rows can no longer change).

ALTER TABLE state_version ADD COLUMN checksum VARCHAR(64);
