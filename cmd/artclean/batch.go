package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/artclean/artclean/extract"
	"github.com/artclean/artclean/format"
)

// A batch converts many inputs with a bounded pool of workers. Results are put back in
// input order by a small reorder window, so what is written, and in which order, does not
// depend on the number of workers, and memory does not grow with the number of inputs.

// batchMode says where a batch's outputs go.
type batchMode int

const (
	toStdout batchMode = iota // -f jsonl, no -o: one line per input on stdout
	toDir                     // -o DIR: one file per input under DIR
	toFile                    // -f jsonl -o FILE: one line per input in FILE
)

// Reorder windows: how many inputs may be taken before the earliest one still being worked
// on is written. Streamed outputs are held in memory meanwhile; files are not.
const (
	streamWindowPerJob = 4
	dirWindow          = 1024
)

// job is one input of a batch.
type job struct {
	seq  int
	src  string // the path to read; "-" is stdin
	name string // extract.Options.Name and diagnostics: the path as given, or as walked from an INPUT
	rel  string // slash-separated path under its INPUT directory (the base name for a file INPUT)
	out  string // toDir: the output file
	err  error  // failed already while planning
}

// jobResult is what a worker did with one job.
type jobResult struct {
	seq       int
	skipped   bool
	noArticle bool   // written with the page's metadata only: a warning, not a failure
	data      []byte // toStdout, toFile: the rendered output
	err       error
}

type batch struct {
	o       *rootOptions
	mode    batchMode
	summary bool // print failures as they come and a summary line at the end
	rules   walkRules
	jobs    []job
	guard   *dirGuard

	out     io.Writer // toStdout, toFile: where results go, in order
	errLog  io.Writer // --errors FILE, or nil
	bar     *progress
	halted  bool  // stopped writing: a closed pipe or a failed write
	fatal   error // the failed write, if any
	pipeEnd bool  // stdout was closed by its reader

	converted, skipped, failed, notStarted int
	noArticle                              int     // of converted: no article text, metadata only
	failures                               []error // without summary: returned at the end
}

// isBatch reports whether the command line asks for the batch runner: -o, or -f jsonl with
// several inputs or a directory.
func (o *rootOptions) isBatch() bool {
	if o.Output != "" {
		return true
	}
	return o.Format == "jsonl" && (len(o.Inputs) > 1 || anyDir(o.Inputs))
}

func anyDir(inputs []string) bool {
	for _, in := range inputs {
		if fi, err := os.Stat(in); in != "-" && err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// The garbage collector's settings in a batch, unless GOGC or GOMEMLIMIT say otherwise.
// Pages are parsed and dropped in a few milliseconds each while the heap that stays alive is
// a few MB, so at the default GOGC of 100 the collector runs every few milliseconds and
// waking and parking its threads shows as system time; at 400 a run on the scrapinghub-dev
// pages takes a third less wall time. The soft memory limit then keeps the peak where it is
// at 111 pages as the batch grows: without it the peak creeps up with the chance that
// several large pages are in flight at once.
const (
	batchGCPercent      = 400
	batchMemLimitBase   = 32 << 20 // bytes
	batchMemLimitPerJob = 8 << 20  // bytes per worker
)

// tuneGC applies the batch's collector settings for jobs workers and returns a function that
// restores the previous ones.
func tuneGC(jobs int) (restore func()) {
	restore = func() {}
	if os.Getenv("GOGC") == "" {
		old := debug.SetGCPercent(batchGCPercent)
		restore = func() { debug.SetGCPercent(old) }
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(int64(batchMemLimitBase + batchMemLimitPerJob*min(jobs, 64)))
		prev := restore
		restore = func() { debug.SetMemoryLimit(old); prev() }
	}
	return restore
}

// runBatch converts every input; one that fails is reported and the rest go on.
func (o *rootOptions) runBatch(ctx context.Context) error {
	start := time.Now()
	b, err := o.newBatch()
	if err != nil {
		return err
	}
	defer tuneGC(o.Jobs)()
	var tmp *os.File
	switch b.mode {
	case toStdout:
		b.out = o.IO.Out
	case toDir:
		if err := os.MkdirAll(o.Output, 0o755); err != nil {
			return &inputError{name: o.Output, err: unwrapPath(err), hint: "check -o"}
		}
		if err := removeLeftovers(o.Output); err != nil {
			return &inputError{name: o.Output, err: fmt.Errorf("cannot remove leftovers: %w", unwrapPath(err)), hint: "check -o"}
		}
	case toFile:
		if tmp, err = createTempBeside(o.Output); err != nil {
			return &inputError{name: o.Output, err: unwrapPath(err), hint: "check -o"}
		}
		defer func() {
			tmp.Close()
			os.Remove(tmp.Name()) // a no-op once renamed into place
		}()
		b.out = bufio.NewWriterSize(tmp, 64<<10)
	}
	if o.ErrorsFile != "" {
		f, err := os.Create(o.ErrorsFile)
		if err != nil {
			return &inputError{name: o.ErrorsFile, err: unwrapPath(err), hint: "check --errors"}
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		defer bw.Flush()
		b.errLog = bw
	}

	// No bar between lines streamed to the same terminal.
	showBar := !o.Quiet && stderrIsTerminal(o.IO) && !(b.mode == toStdout && stdoutIsTerminal(o.IO))
	b.bar = newProgress(o.IO.ErrOut, showBar, len(b.jobs))
	b.work(ctx)
	b.bar.done()
	interrupted := ctx.Err() != nil

	if b.mode == toFile && b.fatal == nil {
		err := b.out.(*bufio.Writer).Flush()
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil && !interrupted {
			err = os.Rename(tmp.Name(), o.Output)
		}
		if err != nil {
			b.fatal = &inputError{name: o.Output, err: unwrapPath(err), hint: "check -o and the space left"}
			b.report(b.fatal)
		}
	}
	return b.end(interrupted, time.Since(start))
}

// newBatch checks the command line and lists the inputs.
func (o *rootOptions) newBatch() (*batch, error) {
	b := &batch{o: o, rules: walkRules{include: o.Include, exclude: o.Exclude}}
	if err := b.rules.check(); err != nil {
		return nil, err
	}
	if o.Explain {
		return nil, usagef("--explain shows one page: give one FILE, without -o")
	}
	if o.Jobs < 1 {
		return nil, usagef("-j %d: give at least 1 worker", o.Jobs)
	}
	if len(o.Inputs) == 0 {
		return nil, usagef("-o needs INPUT files or directories to convert")
	}
	if o.URL != "" && (len(o.Inputs) > 1 || anyDir(o.Inputs)) {
		return nil, usagef("--url names one page; give one input with it")
	}
	b.summary = o.Output != "" || anyDir(o.Inputs)
	out, err := os.Stat(o.Output)
	switch {
	case o.Output == "":
		b.mode = toStdout
	case o.Format == "jsonl":
		b.mode = toFile
		if err == nil && out.IsDir() {
			return nil, usagef("-f jsonl writes one file and -o %s is a directory: give -o FILE.jsonl, or -f json for one file per page", o.Output)
		}
	default:
		b.mode = toDir
		if strings.HasSuffix(o.Output, ".jsonl") {
			return nil, usagef("-o %s names a JSON Lines file: add -f jsonl, or give a directory", o.Output)
		}
		if err == nil && !out.IsDir() {
			return nil, usagef("-o %s is a file: give a directory, or -f jsonl to write one file", o.Output)
		}
		b.guard = &dirGuard{root: filepath.Clean(o.Output)}
	}
	if b.mode != toStdout {
		if err := checkOutsideInputs(o.Output, b.mode == toFile, formatExt(o.Format), o.Inputs, b.rules); err != nil {
			return nil, err
		}
	}
	if err := b.plan(); err != nil {
		return nil, err
	}
	return b, nil
}

// plan lists the jobs: the inputs in the order given, each directory walked in lexical
// order. Paths are all it keeps, so a large tree costs little.
func (b *batch) plan() error {
	o := b.o
	stdin := false
	add := func(j job) {
		j.seq = len(b.jobs)
		b.jobs = append(b.jobs, j)
	}
	for _, in := range o.Inputs {
		if in == "-" {
			if b.mode == toDir || stdin {
				return usagef("- (stdin) can be read once, and not with -o DIR: save it to a file first")
			}
			stdin = true
			add(job{src: "-", name: "-", rel: "stdin"})
			continue
		}
		fi, err := os.Stat(in)
		switch {
		case err != nil:
			add(job{src: in, name: in, rel: filepath.Base(in), err: openError(in, err)})
		case fi.IsDir():
			if err := walkDir(in, b.rules, add); err != nil {
				add(job{src: in, name: in, err: &inputError{name: in, err: fmt.Errorf("cannot walk: %w", unwrapPath(err)), hint: "check the path"}})
			}
		default:
			add(job{src: in, name: in, rel: filepath.Base(in)})
		}
	}
	if b.mode != toDir {
		return nil
	}
	ext := formatExt(o.Format)
	first := make(map[string]string, len(b.jobs))
	for i := range b.jobs {
		j := &b.jobs[i]
		if j.err != nil {
			continue
		}
		j.out = filepath.Join(o.Output, filepath.FromSlash(outputRel(j.rel, ext)))
		if prev, ok := first[j.out]; ok {
			j.err = &inputError{name: j.name, err: fmt.Errorf("its output %s is already %s's", j.out, prev),
				hint: "rename one of them, or convert them in separate runs"}
			continue
		}
		first[j.out] = j.name
	}
	return nil
}

// work runs the pool until every job is done or ctx is; jobs in flight when ctx is done
// are finished and written.
func (b *batch) work(ctx context.Context) {
	n := b.o.Jobs
	win := dirWindow + n
	if b.mode != toDir {
		win = streamWindowPerJob * n
	}
	feedCtx, stopFeeding := context.WithCancel(ctx)
	defer stopFeeding()

	window := make(chan struct{}, win) // a slot per job taken and not yet written
	todo := make(chan *job)
	results := make(chan jobResult, win)
	go func() {
		defer close(todo)
		for i := range b.jobs {
			if feedCtx.Err() != nil {
				return
			}
			select {
			case window <- struct{}{}:
			case <-feedCtx.Done():
				return
			}
			select {
			case todo <- &b.jobs[i]:
			case <-feedCtx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for j := range todo {
				results <- b.do(j)
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := make(map[int]jobResult, win)
	next := 0
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			b.handle(r)
			if b.halted {
				stopFeeding()
			}
		}
	}
	b.notStarted = len(b.jobs) - next
}

// do converts one job. It runs on a worker.
func (b *batch) do(j *job) jobResult {
	r := jobResult{seq: j.seq}
	if j.err != nil {
		r.err = j.err
		return r
	}
	if b.mode == toDir {
		skip, err := b.upToDate(j)
		if err != nil || skip {
			r.err, r.skipped = err, skip
			return r
		}
	}
	a, noArticle, err := b.o.extractNow(j.src, j.name)
	if err != nil {
		r.err = err
		return r
	}
	r.noArticle = noArticle
	var buf bytes.Buffer
	if err := format.Render(&buf, a, b.o.Format, format.Options{}); err != nil {
		r.err = &inputError{name: j.name, err: err}
		return r
	}
	if b.mode != toDir {
		r.data = buf.Bytes()
		return r
	}
	err = b.guard.ensure(filepath.Dir(j.out))
	if err == nil {
		err = writeFileAtomic(j.out, buf.Bytes())
	}
	if err != nil {
		r.err = &inputError{name: j.name, err: fmt.Errorf("cannot write %s: %w", j.out, unwrapPath(err)),
			hint: "check -o and the space left"}
	}
	return r
}

// upToDate reports whether j's output is newer than j, so that it can be skipped.
func (b *batch) upToDate(j *job) (bool, error) {
	in, err := os.Stat(j.src)
	if err != nil {
		return false, openError(j.name, err)
	}
	out, err := os.Stat(j.out)
	if err != nil {
		return false, nil
	}
	if os.SameFile(in, out) {
		return false, &inputError{name: j.name, err: fmt.Errorf("its output %s would replace it", j.out),
			hint: "choose an -o outside the inputs"}
	}
	return !b.o.Force && out.ModTime().After(in.ModTime()), nil
}

// handle takes one result, in input order: counts it, writes it or reports it.
func (b *batch) handle(r jobResult) {
	if b.halted {
		return
	}
	switch {
	case r.err != nil:
		b.failed++
		b.report(r.err)
	case r.skipped:
		b.skipped++
	default:
		if b.mode != toDir {
			if _, err := b.out.Write(r.data); err != nil {
				b.halted = true
				if b.mode == toStdout && errors.Is(err, syscall.EPIPE) {
					b.pipeEnd = true // the reader has gone (| head): nothing more is wanted
					return
				}
				name, hint := "stdout", "check where the output goes"
				if b.mode == toFile {
					name, hint = b.o.Output, "check -o and the space left"
				}
				b.fatal = &inputError{name: name, err: unwrapPath(err), hint: hint}
				b.report(b.fatal)
				return
			}
		}
		b.converted++
		if r.noArticle {
			b.noArticle++
			if !b.o.Quiet {
				name := b.jobs[r.seq].name
				b.bar.above(func() { b.o.IO.Warn(b.o.noArticleWarning(displayName(name))) })
			}
		}
	}
	b.bar.step()
}

// report writes one failure: a line on stderr now (or, without a summary, in the error
// the run ends with) and a JSON line in --errors FILE.
func (b *batch) report(err error) {
	if b.errLog != nil {
		rec := struct {
			Name  string `json:"name"`
			Error string `json:"error"`
			Hint  string `json:"hint,omitempty"`
		}{Error: err.Error()}
		var ie *inputError
		if errors.As(err, &ie) {
			rec.Name, rec.Error, rec.Hint = displayName(ie.name), ie.err.Error(), ie.hint
		}
		line, _ := json.Marshal(rec)
		b.errLog.Write(append(line, '\n'))
	}
	switch {
	case !b.summary:
		b.failures = append(b.failures, err)
	case !b.o.Quiet:
		b.bar.above(func() { b.o.IO.Diag(err.Error()) })
	}
}

// end prints the summary and returns the error the run ends with.
func (b *batch) end(interrupted bool, elapsed time.Duration) error {
	if !b.summary {
		errs := b.failures
		if interrupted {
			errs = append(errs, errInterrupted)
		}
		return errors.Join(errs...)
	}
	line := b.summaryLine(elapsed)
	switch {
	case interrupted:
		if !b.o.Quiet {
			fmt.Fprintln(b.o.IO.ErrOut, "artclean: "+line)
		}
		return errInterrupted
	case b.failed > 0 || b.fatal != nil:
		return &batchError{summary: line}
	}
	if !b.o.Quiet {
		fmt.Fprintln(b.o.IO.ErrOut, "artclean: "+line)
	}
	return nil
}

func (b *batch) summaryLine(elapsed time.Duration) string {
	s := fmt.Sprintf("%d converted", b.converted)
	if b.noArticle > 0 {
		s += fmt.Sprintf(" (%d without article text)", b.noArticle)
	}
	s += fmt.Sprintf(", %d skipped, %d failed", b.skipped, b.failed)
	if b.notStarted > 0 {
		s += fmt.Sprintf(", %d not started", b.notStarted)
	}
	s += " in " + roundDuration(elapsed).String()
	if len(b.jobs) == 0 {
		s += " (no input files found; see --include)"
	}
	return s
}

func roundDuration(d time.Duration) time.Duration {
	if d >= time.Second {
		return d.Round(100 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}

// batchError ends a batch in which some input failed: its message is the summary line, and
// it counts as an input failure for the exit code and for -q.
type batchError struct{ summary string }

func (e *batchError) Error() string { return e.summary }
func (e *batchError) Unwrap() error {
	return &inputError{name: "batch", err: errors.New("some inputs failed")}
}

// extractNow opens one input and extracts its article. Unlike extractOne it does not give
// up when the context is done: a batch finishes the inputs it has started.
func (o *rootOptions) extractNow(src, name string) (*extract.Article, bool, error) {
	display := displayName(name)
	var r io.Reader = o.IO.In
	if src != "-" {
		f, err := os.Open(src)
		if err != nil {
			return nil, false, openError(display, err)
		}
		defer f.Close()
		r = f
	}
	a, err := o.Extract(r, o.extractOptions(name))
	return o.accept(display, a, err)
}

// createTempBeside creates the temporary file that becomes path when renamed, after
// removing those an earlier, killed run left beside it.
func createTempBeside(path string) (*os.File, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	prefix := "." + filepath.Base(path) + tmpMarker
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if e.Type().IsRegular() && strings.HasPrefix(e.Name(), prefix) && isTempName(e.Name()) {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	f, err := os.CreateTemp(dir, prefix+"*")
	if err == nil {
		err = f.Chmod(0o644)
	}
	return f, err
}
