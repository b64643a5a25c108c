-- kplan state, schema 6: moves recorded as they happen. A `moved` block applied or a `state mv`
-- writes one row per object it moves, in the transaction that moves it, so that `state diff` and
-- `state history` show a move as a move, not as one object removed and another added, even when
-- the object also changed. state_version.moved counts them; it is NULL for versions written before
-- this schema, whose moves were not recorded (kplan infers those from equal objects instead).

CREATE TABLE state_move (
  serial BIGINT NOT NULL,
  to_address VARCHAR(2048) NOT NULL,
  from_address VARCHAR(2048) NOT NULL,
  CONSTRAINT state_move_pk PRIMARY KEY (serial, to_address),
  CONSTRAINT state_move_serial_fk FOREIGN KEY (serial) REFERENCES state_version (serial)
);

ALTER TABLE state_version ADD COLUMN moved INTEGER;
