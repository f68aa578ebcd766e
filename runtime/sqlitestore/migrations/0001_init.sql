-- 0001: jobs, their history, their signals, and tools' metadata.
--
-- Times are Unix nanoseconds (UTC). The zero time.Time is
-- -9223372036854775808 and fsm.Never is 9223372036854775807.
-- Blobs are NULL for a nil slice and a zero-length blob for an empty one.
-- Tables are STRICT, so that a value of the wrong type cannot be written.

CREATE TABLE jobs (
	num              INTEGER PRIMARY KEY AUTOINCREMENT, -- JobRecord.Num: never reused
	id               TEXT    NOT NULL UNIQUE,
	name             TEXT    NOT NULL,
	status           TEXT    NOT NULL,
	parent           TEXT    NOT NULL DEFAULT '',
	seq              INTEGER NOT NULL DEFAULT 0,
	state_num        INTEGER NOT NULL DEFAULT 0,
	state            BLOB,
	layout           TEXT    NOT NULL DEFAULT '',
	op               BLOB,
	progress         BLOB,
	outcome          BLOB,
	attempts         INTEGER NOT NULL DEFAULT 0,
	last_error       TEXT    NOT NULL DEFAULT '',
	run_at           INTEGER NOT NULL,
	wake_seq         INTEGER NOT NULL DEFAULT 0,
	cancel_requested INTEGER NOT NULL DEFAULT 0,
	error            TEXT    NOT NULL DEFAULT '',
	created_at       INTEGER NOT NULL,
	updated_at       INTEGER NOT NULL,
	lease_owner      TEXT    NOT NULL DEFAULT '',
	lease_until      INTEGER NOT NULL,
	version          INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Claim: pending and waiting jobs by run_at, running jobs by lease end.
CREATE INDEX jobs_claim ON jobs (status, run_at);
CREATE INDEX jobs_lease ON jobs (status, lease_until);
-- Jobs and Counts: listing by status, by name, by parent, in num order.
CREATE INDEX jobs_status ON jobs (status, num);
CREATE INDEX jobs_name ON jobs (name, num);
CREATE INDEX jobs_parent ON jobs (parent, num);

CREATE TABLE events (
	id        INTEGER PRIMARY KEY AUTOINCREMENT, -- the order events were written in
	job_id    TEXT    NOT NULL REFERENCES jobs (id),
	seq       INTEGER NOT NULL,
	time      INTEGER NOT NULL,
	kind      TEXT    NOT NULL,
	state_num INTEGER NOT NULL,
	state     BLOB,
	layout    TEXT    NOT NULL DEFAULT '',
	op        BLOB,
	outcome   BLOB,
	detail    TEXT    NOT NULL
) STRICT;
CREATE INDEX events_job ON events (job_id, id);

CREATE TABLE signals (
	id      INTEGER PRIMARY KEY AUTOINCREMENT, -- SignalRecord.ID: never reused
	job_id  TEXT    NOT NULL REFERENCES jobs (id),
	name    TEXT    NOT NULL,
	payload BLOB,
	sent_at INTEGER NOT NULL
) STRICT;
CREATE INDEX signals_job ON signals (job_id, id);

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value BLOB
) STRICT;
