// Package crash tests that the durable engine loses nothing and repeats no
// effect when its worker process dies at any moment.
//
// TestCrash starts a few hundred Transfer jobs on an SQLite store and runs
// them in a worker: a separate process (the test binary itself, re-executed)
// that the test kills with SIGKILL at random moments, many times, restarting
// it each time, while it sends approval signals from its own process at
// random moments too (before a job waits for its signal, while it waits,
// while no worker runs). The activities write to an effects database of
// their own, each effect in one transaction with its idempotency key, and
// count every attempt.
//
// At the end every job has succeeded with exactly the result an independent
// model of Transfer gives, each job finished once and checkpointed each await
// once (its history), every effect the model expects happened exactly once
// and no other did (the balances, the applied keys, the receipts), and some
// attempts ran more than once: the kills did land between an effect and the
// record of its outcome.
//
// TestCrashPostgres runs the same jobs in three worker processes sharing one
// PostgreSQL store (a schema of its own on the server FSMGEN_TEST_POSTGRES
// names), kills one of them at random moments while it holds jobs, and
// checks, besides all of the above, that the jobs the dead worker held are
// taken over by the others within its lease (1 s) and two seconds of
// slack for a loaded machine (about a second is usual).
// TestConnectionsCutPostgres kills no worker: it cuts every connection the
// three workers have to the server (pg_terminate_backend, by their
// application_name) at random moments; the workers must reconnect and stay
// alive, and the jobs end exactly as above.
//
// The seed of a run is logged; -crash.seed=N repeats its choices (the kills'
// timing still depends on the machine).
package crash
