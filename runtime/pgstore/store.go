package pgstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// Store is an fsm.Store kept in a PostgreSQL database. It is safe for
// concurrent use by multiple goroutines, and any number of Stores, in one
// process or many, may share a database (and schema) and be workers at once.
type Store struct {
	pool    *pgxpool.Pool
	connCfg *pgx.ConnConfig // for the connections outside the pool
	schema  string          // where the tables are
	channel string          // the NOTIFY channel of schema

	changed chan struct{}
	closed  atomic.Bool

	stopListen context.CancelFunc
	listenDone chan struct{}

	applies        chan *queuedApply // to the committers
	quit           chan struct{}     // closed by Close
	committersDone sync.WaitGroup
	batches        atomic.Int64 // transactions of Applies
	batched        atomic.Int64 // Applies in them

	workersMu sync.Mutex
	workers   map[*pgx.Conn]bool // the connections holding worker locks

	now func() time.Time

	// testFailApply, set by tests before use, gives Apply calls a write
	// that the server refuses (see apply.fail).
	testFailApply func(u fsm.Update) func(tx pgx.Tx) error
	// retried counts transactions tried again after a deadlock or a
	// serialization failure.
	retried atomic.Int64
}

var _ fsm.Store = (*Store)(nil)

// ErrClosed is returned by the methods of a Store after Close.
var ErrClosed = errors.New("pgstore: store is closed")

// listenParam is the connection string parameter that turns LISTEN off.
const listenParam = "fsmgen_listen"

// Open connects to the database that connString names, brings the schema of
// its tables up to date (creating them on first use) and returns the store.
// See the package documentation for what connString may say.
//
// When the schema was written by a newer fsmgen, which this one does not
// know, Open changes nothing and fails with an error wrapping
// fsm.ErrNewerSchema.
func Open(ctx context.Context, connString string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(connString)
	if err != nil {
		return nil, fmt.Errorf("pgstore: %w", err)
	}
	listen := true
	if v, ok := cfg.ConnConfig.RuntimeParams[listenParam]; ok {
		delete(cfg.ConnConfig.RuntimeParams, listenParam)
		listen, err = strconv.ParseBool(v)
		if err != nil {
			return nil, fmt.Errorf("pgstore: connection string: %s=%q: want true or false", listenParam, v)
		}
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("pgstore: %w", err)
	}
	s := &Store{
		pool:    pool,
		connCfg: cfg.ConnConfig.Copy(),
		changed: make(chan struct{}, 1),
		workers: map[*pgx.Conn]bool{},
		applies: make(chan *queuedApply),
		quit:    make(chan struct{}),
		now:     time.Now,
	}
	var schema *string
	if err := pool.QueryRow(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		pool.Close()
		return nil, fmt.Errorf("pgstore: connecting to %s: %w", where(cfg.ConnConfig, ""), err)
	}
	if schema == nil {
		pool.Close()
		return nil, fmt.Errorf("pgstore: %s: the search_path names no schema that exists; create it first", where(cfg.ConnConfig, ""))
	}
	s.schema = *schema
	if err := migrate(ctx, pool, s.schema, where(cfg.ConnConfig, s.schema)); err != nil {
		pool.Close()
		return nil, err
	}
	s.channel = channelName(s.schema)
	lctx, stop := context.WithCancel(context.Background())
	s.stopListen, s.listenDone = stop, make(chan struct{})
	if listen {
		go s.listen(lctx)
	} else {
		close(s.listenDone)
	}
	s.committersDone.Add(committers)
	for range committers {
		go s.committer()
	}
	return s, nil
}

// where names the database and schema of cfg for error messages.
func where(cfg *pgx.ConnConfig, schema string) string {
	w := fmt.Sprintf("database %s on %s:%d", cfg.Database, cfg.Host, cfg.Port)
	if schema != "" {
		w += ", schema " + schema
	}
	return w
}

// channelName returns the NOTIFY channel of the store in schema. Channel
// names are identifiers, at most 63 bytes; two long schema names may share a
// channel, which costs only needless wake-ups.
func channelName(schema string) string {
	ch := "fsmgen " + schema
	if len(ch) > 63 {
		ch = ch[:63]
	}
	return ch
}

// Changed returns a channel that receives a value after a write, by this
// Store or another on the same schema, that may have made jobs claimable,
// and when a timer or a lease of a job in the schema ends. Values are
// coalesced (the channel holds at most one). The channel is never closed.
func (s *Store) Changed() <-chan struct{} { return s.changed }

func (s *Store) notify() {
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// Close stops listening, closes the connections and so releases the worker
// locks this Store holds. Calls after Close, Close included, return an error
// wrapping ErrClosed.
func (s *Store) Close() error {
	if !s.closed.CompareAndSwap(false, true) {
		return ErrClosed
	}
	s.stopListen()
	<-s.listenDone
	close(s.quit)
	s.committersDone.Wait()
	s.workersMu.Lock()
	var err error
	for c := range s.workers {
		err = errors.Join(err, c.Close(context.Background()))
	}
	clear(s.workers)
	s.workersMu.Unlock()
	s.pool.Close()
	if err != nil {
		return fmt.Errorf("pgstore: closing: %w", err)
	}
	return nil
}

// check returns ErrClosed after Close.
func (s *Store) check() error {
	if s.closed.Load() {
		return ErrClosed
	}
	return nil
}

// maxTries is how many times a transaction that failed for a deadlock or a
// serialization failure is tried.
const maxTries = 5

// do runs fn in a transaction and commits it. When fn reports that the
// change may have made jobs claimable, a NOTIFY goes out with the commit and
// this Store's own Changed receives a value. A transaction the server chose
// to abort (a deadlock) is tried again, fn included.
func (s *Store) do(ctx context.Context, fn func(tx pgx.Tx) (notify bool, err error)) error {
	if err := s.check(); err != nil {
		return err
	}
	for try := 1; ; try++ {
		notify, err := s.do1(ctx, fn)
		if err != nil && try < maxTries && retryable(err) && ctx.Err() == nil {
			s.retried.Add(1)
			continue
		}
		if err == nil && notify {
			s.notify()
		}
		return err
	}
}

func (s *Store) do1(ctx context.Context, fn func(tx pgx.Tx) (bool, error)) (bool, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("pgstore: %w", err)
	}
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
	notify, err := fn(tx)
	if err != nil {
		return false, err
	}
	if notify {
		if _, err := tx.Exec(ctx, "SELECT pg_notify($1, '')", s.channel); err != nil {
			return false, fmt.Errorf("pgstore: notifying: %w", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return false, fmt.Errorf("pgstore: committing: %w", err)
	}
	return notify, nil
}

// retryable reports whether err is a deadlock or a serialization failure,
// after which the transaction may be tried again.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// nowNano returns the store's clock as stored.
func (s *Store) nowNano() int64 {
	n, _ := storeutil.EncodeTime(s.now()) // the clock is never before 1678
	return n
}
