-- 0001: jobs, their history, their signals, and tools' metadata.
--
-- Times are Unix nanoseconds (UTC), as in the SQLite store: timestamptz keeps
-- only microseconds. The zero time.Time is -9223372036854775808 and fsm.Never
-- is 9223372036854775807. Byte columns are NULL for a nil slice and an empty
-- bytea for an empty one.

CREATE TABLE jobs (
	num              bigserial PRIMARY KEY, -- JobRecord.Num: never reused
	id               text    NOT NULL UNIQUE,
	name             text    NOT NULL,
	status           text    NOT NULL CHECK (status IN ('pending', 'running', 'waiting', 'succeeded', 'failed', 'cancelled', 'attention')),
	parent           text    NOT NULL DEFAULT '',
	seq              bigint  NOT NULL DEFAULT 0,
	state_num        bigint  NOT NULL DEFAULT 0,
	state            bytea,
	layout           text    NOT NULL DEFAULT '',
	op               bytea,
	progress         bytea,
	outcome          bytea,
	attempts         bigint  NOT NULL DEFAULT 0,
	last_error       text    NOT NULL DEFAULT '',
	run_at           bigint  NOT NULL,
	wake_seq         bigint  NOT NULL DEFAULT 0,
	cancel_requested boolean NOT NULL DEFAULT false,
	error            text    NOT NULL DEFAULT '',
	created_at       bigint  NOT NULL,
	updated_at       bigint  NOT NULL,
	lease_owner      text    NOT NULL DEFAULT '',
	lease_until      bigint  NOT NULL,
	version          bigint  NOT NULL DEFAULT 0
);

-- Claim: pending and waiting jobs by run_at, running jobs by lease end.
CREATE INDEX jobs_claim ON jobs (status, run_at, num);
CREATE INDEX jobs_lease ON jobs (status, lease_until);
-- Jobs and Counts: listing by status, by name, by parent, in num order.
CREATE INDEX jobs_status ON jobs (status, num);
CREATE INDEX jobs_name ON jobs (name, num);
CREATE INDEX jobs_parent ON jobs (parent, num);

CREATE TABLE events (
	id        bigserial PRIMARY KEY, -- the order events were written in
	job_id    text    NOT NULL REFERENCES jobs (id),
	seq       bigint  NOT NULL,
	time      bigint  NOT NULL,
	kind      text    NOT NULL,
	state_num bigint  NOT NULL,
	state     bytea,
	layout    text    NOT NULL DEFAULT '',
	op        bytea,
	outcome   bytea,
	detail    text    NOT NULL
);
CREATE INDEX events_job ON events (job_id, id);

CREATE TABLE signals (
	id      bigserial PRIMARY KEY, -- SignalRecord.ID: never reused
	job_id  text    NOT NULL REFERENCES jobs (id),
	name    text    NOT NULL,
	payload bytea,
	sent_at bigint  NOT NULL
);
CREATE INDEX signals_job ON signals (job_id, id);

CREATE TABLE meta (
	key   text PRIMARY KEY,
	value bytea
);
