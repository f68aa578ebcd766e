package ui

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// sources finds the files jobs were written in, from the places
// Options.SourceDirs names.
type sources struct {
	dirs []string

	mu      sync.Mutex
	modules map[string]module // by directory
}

// module is the Go module a directory is in.
type module struct {
	root, path string
}

func newSources(dirs []string) *sources {
	return &sources{dirs: dirs, modules: map[string]module{}}
}

// sourceView is the source around the await a job is paused at.
type sourceView struct {
	File    string // as the job's layout names it
	Path    string // the file found on disk, "" when none
	Line    int
	Col     int
	Lines   []srcLine
	Missing string // why there is no source to show
	Changed string // a warning that the file changed after the checkpoint
}

type srcLine struct {
	N    int
	Text string
	Here bool
}

// contextLines is how many lines are shown either side of the await.
const contextLines = 7

// maxSource is the largest file read.
const maxSource = 8 << 20

// show finds the file of pos ("file.go:line:col", as StateInfo.Pos) of the
// job named name ("import/path.Func"), and the lines around pos.
func (s *sources) show(name, pos string, checkpoint time.Time) *sourceView {
	file, line, col, ok := splitPos(pos)
	v := &sourceView{File: file, Line: line, Col: col}
	if !ok {
		v.Missing = fmt.Sprintf("The recorded position %q is not of the form file.go:line:column.", pos)
		return v
	}
	pkg, ok := packageOf(name)
	if !ok {
		v.Missing = fmt.Sprintf("The job's name %q does not name a package.", name)
		return v
	}
	path := s.find(pkg, file)
	if path == "" {
		v.Missing = fmt.Sprintf("%s of package %s is not on this machine under %s; start fsmgen ui with --src naming a directory of the module it belongs to.", file, pkg, strings.Join(s.dirs, ", "))
		return v
	}
	v.Path = path
	if m := s.moduleOf(filepath.Dir(path)); m.root != "" {
		if rel, err := filepath.Rel(m.root, path); err == nil && !strings.HasPrefix(rel, "..") {
			v.Path = filepath.ToSlash(rel) // as the module's own paths read
		}
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Size() > maxSource {
		v.Missing = fmt.Sprintf("%s cannot be read (%v).", v.Path, err)
		return v
	}
	if !checkpoint.IsZero() && fi.ModTime().After(checkpoint) {
		v.Changed = fmt.Sprintf("%s changed on %s, after this checkpoint was written: the line shown may have moved.", v.Path, stamp(fi.ModTime()))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		v.Missing = fmt.Sprintf("%s cannot be read: %v.", v.Path, err)
		return v
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64<<10), maxSource)
	n := 0
	for sc.Scan() {
		n++
		if n < line-contextLines {
			continue
		}
		if n > line+contextLines {
			break
		}
		v.Lines = append(v.Lines, srcLine{N: n, Text: strings.ReplaceAll(sc.Text(), "\t", "    "), Here: n == line})
	}
	if n < line {
		v.Lines = nil
		v.Missing = fmt.Sprintf("%s has %d lines, fewer than the %d of the await: it is not the file the job was built from.", v.Path, n, line)
	}
	return v
}

// splitPos splits "file.go:line:col". Only a file's base name is taken:
// positions come from the store, and must not lead anywhere else.
func splitPos(pos string) (file string, line, col int, ok bool) {
	rest, c, ok1 := cutLast(pos)
	file, l, ok2 := cutLast(rest)
	line, err1 := strconv.Atoi(l)
	col, err2 := strconv.Atoi(c)
	if !ok1 || !ok2 || err1 != nil || err2 != nil || line <= 0 {
		return pos, 0, 0, false
	}
	file = filepath.Base(filepath.ToSlash(file))
	if !strings.HasSuffix(file, ".go") || strings.ContainsAny(file, `/\`) || file == ".go" {
		return file, line, col, false
	}
	return file, line, col, true
}

func cutLast(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

// packageOf is the import path of a job's package: example.com/shop for
// example.com/shop.Checkout (and for the method example.com/shop.Cart.Total).
func packageOf(name string) (string, bool) {
	slash := strings.LastIndexByte(name, '/')
	dot := strings.IndexByte(name[slash+1:], '.')
	if dot <= 0 {
		return "", false
	}
	pkg := name[:slash+1+dot]
	for _, seg := range strings.Split(pkg, "/") {
		if seg == "" || seg == "." || seg == ".." || strings.ContainsAny(seg, `\:`) {
			return "", false
		}
	}
	return pkg, true
}

// find returns the path of file of package pkg under one of the source
// directories, or "".
func (s *sources) find(pkg, file string) string {
	for _, dir := range s.dirs {
		abs, err := filepath.Abs(dir)
		if err != nil {
			continue
		}
		if m := s.moduleOf(abs); m.path != "" {
			var pdir string
			switch {
			case pkg == m.path:
				pdir = m.root
			case strings.HasPrefix(pkg, m.path+"/"):
				pdir = filepath.Join(m.root, filepath.FromSlash(strings.TrimPrefix(pkg, m.path+"/")))
			}
			if pdir != "" && isFile(filepath.Join(pdir, file)) {
				return filepath.Join(pdir, file)
			}
		}
		// The package's own directory.
		last := pkg[strings.LastIndexByte(pkg, '/')+1:]
		if (filepath.Base(abs) == last || pkg == "main") && isFile(filepath.Join(abs, file)) {
			return filepath.Join(abs, file)
		}
	}
	return ""
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// moduleOf finds the go.mod at or above dir.
func (s *sources) moduleOf(dir string) module {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m, ok := s.modules[dir]; ok {
		return m
	}
	var m module
	for d := dir; ; {
		if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			m = module{root: d, path: modulePath(b)}
			break
		}
		up := filepath.Dir(d)
		if up == d {
			break
		}
		d = up
	}
	s.modules[dir] = m
	return m
}

// modulePath reads the module line of a go.mod.
func modulePath(gomod []byte) string {
	for _, l := range strings.Split(string(gomod), "\n") {
		l = strings.TrimSpace(l)
		if rest, ok := strings.CutPrefix(l, "module"); ok && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\t")) {
			p := strings.TrimSpace(rest)
			if i := strings.Index(p, "//"); i >= 0 {
				p = strings.TrimSpace(p[:i])
			}
			return strings.Trim(p, `"`)
		}
	}
	return ""
}
