//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package sqlitestore

import (
	"fmt"
	"os"
	"runtime"
)

// lockFile fails: the worker lock is an flock, which this system lacks.
func lockFile(path string) (*os.File, error) {
	return nil, fmt.Errorf("sqlitestore: worker lock %s: not supported on %s; a worker needs Linux, macOS or a BSD", path, runtime.GOOS)
}

func unlockFile(f *os.File) error { return f.Close() }
