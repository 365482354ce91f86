package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"syscall"

	"github.com/artclean/artclean/extract"
	"github.com/artclean/artclean/extract/rulesfile"
	"github.com/artclean/artclean/format"
	"github.com/spf13/cobra"
)

// ExtractFunc turns one page into its article; extract.Extract in the binary, a fake in tests.
type ExtractFunc func(r io.Reader, opts extract.Options) (*extract.Article, error)

// rootOptions is what the command line asked for, plus the I/O and extractor it runs with.
// A new flag is a field here and a line in newRootCmd; a subcommand is its own
// newXxxCmd(ios) with its own options struct, added in newRootCmd.
type rootOptions struct {
	IO      *IOStreams
	Extract ExtractFunc

	Inputs  []string // files; "-" or none means stdin
	Format  string
	URL     string
	Input   string // auto, html or text
	MaxSize sizeValue
	Favor   string // balanced, precision or recall
	Quiet   bool

	// --explain and --rules (explain.go, rules.go)
	Explain   bool
	RulesFile string
	Rules     *rulesfile.RuleSet // loaded from RulesFile or $ARTCLEAN_RULES; nil means none

	// Batch (batch.go): -o, or -f jsonl with several inputs or a directory.
	Output     string // -o: a directory, or with -f jsonl one file
	Jobs       int
	Include    []string
	Exclude    []string
	Force      bool
	ErrorsFile string
}

// run executes one command line and returns the process's exit code. Everything it reads
// and writes goes through ios; errors are printed once, here.
func run(ctx context.Context, args []string, ios *IOStreams, extractFn ExtractFunc) int {
	cmd, opts := newRootCmd(ios, extractFn)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(ctx)
	report(ios, err, opts.Quiet)
	return exitCode(err)
}

func newRootCmd(ios *IOStreams, extractFn ExtractFunc) (*cobra.Command, *rootOptions) {
	opts := &rootOptions{IO: ios, Extract: extractFn, MaxSize: extract.DefaultMaxSize, Jobs: runtime.NumCPU()}
	cmd := &cobra.Command{
		Use:   "artclean [flags] [FILE|-]\n  artclean [flags] -o DIR INPUT...",
		Short: "Extract the article from a news or blog page",
		Long: `artclean reads a raw news or blog page — HTML, or the text a scraper or a browser
dumped from it — and writes only the article: title, subtitles, bylines, times and body.

With no FILE, or when FILE is -, it reads standard input. Data goes to stdout,
diagnostics to stderr. Exit codes: 0 ok, 1 an input failed, 2 usage, 130 interrupted.
Shell completion: artclean completion bash|zsh|fish|powershell.

Batch: with -o DIR, each INPUT (a file, or a directory walked recursively) is converted
in parallel into DIR at its relative path with the format's extension (a/b.html.gz →
DIR/a/b.md). An output newer than its input is skipped (--force redoes it); outputs are
renamed into place whole, so an interrupted run is finished by running it again. With
-f jsonl, -o FILE.jsonl writes one line per input, and without -o the lines go to stdout,
in input order.`,
		Example: `  curl -s https://example.com/news/1 | artclean
  artclean -f json page.html | jq .title
  artclean -f jsonl *.html > articles.jsonl
  artclean -o out/ crawl/              # crawl/a/b.html.gz → out/a/b.md
  artclean -f jsonl -o all.jsonl crawl/`,
		Version:       versionString(),
		Args:          opts.args,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Inputs = args
			if err := opts.loadRules(c.Flags().Changed("rules")); err != nil {
				return err
			}
			if opts.isBatch() {
				return opts.runBatch(c.Context())
			}
			return opts.run(c.Context())
		},
	}
	cmd.SetIn(ios.In)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	cmd.SetVersionTemplate("artclean {{.Version}}\n")
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })

	f := cmd.Flags()
	f.SortFlags = false
	f.VarP(newEnum(&opts.Format, format.Default, format.Names()...), "format", "f", "output format")
	f.StringVar(&opts.URL, "url", "", "the page's address, when the page does not say it")
	f.Var(newEnum(&opts.Input, "auto", "auto", "html", "text"), "input", "input kind; auto sniffs it")
	f.Var(&opts.MaxSize, "max-size", "largest input to read, in bytes (suffixes KB, MB, KiB, MiB …)")
	f.Var(newEnum(&opts.Favor, "balanced", "balanced", "precision", "recall"), "favor",
		"precision keeps less boilerplate, recall loses less text")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "no diagnostics for failed inputs or pages without article text, no progress or summary; the exit code tells")
	f.BoolVar(&opts.Explain, "explain", false, "show every block with its verdict, the rule that decided it and its features (-f json: as data)")
	f.StringVar(&opts.RulesFile, "rules", "", "your own rules, a YAML `FILE`, tried before the built-ins (default $"+rulesEnv+")")
	cmd.AddCommand(newRulesCmd(ios))

	// Batch flags (batch.go).
	f.StringVarP(&opts.Output, "output", "o", "", "write one file per input under `DIR` (with -f jsonl: one FILE.jsonl)")
	f.IntVarP(&opts.Jobs, "jobs", "j", opts.Jobs, "inputs converted in parallel")
	f.StringArrayVar(&opts.Include, "include", nil,
		"walk only files matching `GLOB` (repeatable; default: "+strings.Join(defaultIncludes, " ")+", and no extension)")
	f.StringArrayVar(&opts.Exclude, "exclude", nil, "skip files and directories matching `GLOB` (repeatable)")
	f.BoolVar(&opts.Force, "force", false, "convert inputs whose output is newer than they are, too")
	f.StringVar(&opts.ErrorsFile, "errors", "", "also write each failed input to `FILE`, one JSON line each")

	complete := func(words ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return cobra.FixedCompletions(words, cobra.ShellCompDirectiveNoFileComp)
	}
	_ = cmd.RegisterFlagCompletionFunc("format", complete(format.Names()...))
	_ = cmd.RegisterFlagCompletionFunc("input", complete("auto", "html", "text"))
	_ = cmd.RegisterFlagCompletionFunc("favor", complete("balanced", "precision", "recall"))
	return cmd, opts
}

// args checks the positional arguments against the flags.
func (o *rootOptions) args(_ *cobra.Command, args []string) error {
	switch {
	case len(args) == 0 && o.IO.InTTY:
		return usagef("no input: give a FILE, or pipe a page in (curl -s URL | artclean)")
	case len(args) > 1 && o.Format != "jsonl" && o.Output == "":
		return usagef("several inputs need -f jsonl or -o DIR")
	case len(args) > 1 && o.URL != "":
		return usagef("--url names one page; give one input with it")
	}
	return nil
}

// run extracts every input in turn and writes each article to stdout. A failed input is
// reported and the rest go on; a closed stdout ends the run quietly.
func (o *rootOptions) run(ctx context.Context) error {
	inputs := o.Inputs
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	var errs []error
	for _, name := range inputs {
		if ctx.Err() != nil {
			errs = append(errs, errInterrupted)
			break
		}
		a, noArticle, err := o.extractOne(ctx, name)
		if err != nil {
			errs = append(errs, err)
			if errors.Is(err, errInterrupted) {
				break
			}
			continue
		}
		if noArticle && !o.Explain && !o.Quiet { // --explain shows why nothing was kept
			o.IO.Warn(o.noArticleWarning(displayName(name)))
		}
		var buf bytes.Buffer
		render := func() error { return format.Render(&buf, a, o.Format, format.Options{}) }
		if o.Explain {
			render = func() error { return o.renderExplain(&buf, a) }
		}
		if err := render(); err != nil {
			errs = append(errs, &inputError{name: displayName(name), err: err})
			continue
		}
		if _, err := o.IO.Out.Write(buf.Bytes()); err != nil {
			if errors.Is(err, syscall.EPIPE) {
				break // the reader has gone (| head): nothing more is wanted
			}
			errs = append(errs, &inputError{name: "stdout", err: err, hint: "check where the output goes"})
			break
		}
	}
	return errors.Join(errs...)
}

// extractOne opens one input and extracts its article, giving up when ctx is done.
// noArticle reports a page on which no article text was found: a holds its metadata only.
func (o *rootOptions) extractOne(ctx context.Context, name string) (a *extract.Article, noArticle bool, err error) {
	display := displayName(name)
	r, closeFn, err := o.open(name)
	if err != nil {
		return nil, false, err
	}
	defer closeFn()

	xo := o.extractOptions(name)

	type result struct {
		a   *extract.Article
		err error
	}
	done := make(chan result, 1)
	go func() {
		a, err := o.Extract(r, xo)
		done <- result{a, err}
	}()
	select {
	case <-ctx.Done():
		return nil, false, errInterrupted
	case res := <-done:
		return o.accept(display, res.a, res.err)
	}
}

// accept turns what the extractor returned for the input called name into what the command
// writes. A page without article text is not a failure: the extractor still returns its
// metadata (title, date, authors, site, url, lang) with ErrNoArticle, and that is written,
// with a warning. Every other error fails the input.
func (o *rootOptions) accept(name string, a *extract.Article, err error) (*extract.Article, bool, error) {
	switch {
	case a != nil && errors.Is(err, extract.ErrNoArticle):
		return a, true, nil
	case err != nil:
		return nil, false, o.explain(name, err)
	case a == nil:
		return nil, false, &inputError{name: name, err: extract.ErrNoArticle, hint: "try --favor recall"}
	}
	return a, false, nil
}

// noArticleWarning is the line that says the input called name had no article text and
// what was written instead, with the flags that may find the text.
func (o *rootOptions) noArticleWarning(name string) string {
	var try []string
	if o.Favor != "recall" {
		try = append(try, "--favor recall")
	}
	if o.Input == "auto" || o.Input == "" {
		try = append(try, "--input html|text")
	}
	msg := name + ": " + extract.ErrNoArticle.Error() + "; wrote the page's metadata only"
	if len(try) > 0 {
		msg += " (try " + strings.Join(try, ", or ") + ")"
	}
	return msg
}

// extractOptions says what the command line asks of the extractor for the input name.
func (o *rootOptions) extractOptions(name string) extract.Options {
	xo := extract.Options{
		Name:    name,
		URL:     o.URL,
		MaxSize: int64(o.MaxSize),
		Favor:   extract.Favor(o.Favor),
	}
	if o.Rules != nil { // a nil *RuleSet must not become a non-nil UserRules
		xo.Rules = o.Rules
	}
	if o.Favor == "balanced" {
		xo.Favor = extract.FavorBalanced
	}
	switch o.Input {
	case "html":
		xo.Input = extract.KindHTML
	case "text":
		xo.Input = extract.KindText
	}
	return xo
}

// open returns a reader for one input: stdin for "-", else the named file, which must be
// a regular file (or something readable like a pipe), not a directory.
func (o *rootOptions) open(name string) (io.Reader, func(), error) {
	if name == "-" {
		return o.IO.In, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, openError(name, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, openError(name, err)
	}
	if fi.IsDir() {
		f.Close()
		return nil, nil, &inputError{name: name, err: errors.New("is a directory"),
			hint: "convert the tree with -o DIR, or stream it with -f jsonl"}
	}
	return f, func() { f.Close() }, nil
}

func openError(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &inputError{name: name, err: errors.New("no such file"), hint: "check the path"}
	case errors.Is(err, fs.ErrPermission):
		return &inputError{name: name, err: errors.New("permission denied"), hint: "check the file's permissions"}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &inputError{name: name, err: fmt.Errorf("cannot open: %w", err), hint: "check the path"}
}

// explain turns an extraction error into a line that says what to do.
func (o *rootOptions) explain(name string, err error) error {
	var hint string
	switch {
	case errors.Is(err, extract.ErrEmpty):
		hint = "give a page with content"
	case errors.Is(err, extract.ErrBinary):
		hint = "give an HTML page or a text dump"
	case errors.Is(err, extract.ErrTooLarge):
		// Read says how far over it went, "… limit (more than N bytes once decompressed)":
		// that goes into the hint, after the limit.
		hint = "raise --max-size"
		if d, ok := strings.CutPrefix(err.Error(), extract.ErrTooLarge.Error()+" ("); ok {
			hint = strings.TrimSuffix(d, ")") + "; " + hint
		}
		err = fmt.Errorf("%w of %s", extract.ErrTooLarge, formatSize(int64(o.MaxSize)))
	case errors.Is(err, extract.ErrNoArticle):
		hint = "try --favor recall"
		if o.Input == "auto" {
			hint += ", or --input html|text if the kind was misjudged"
		}
	default:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		err = fmt.Errorf("cannot read: %w", err)
		hint = "check the input"
	}
	return &inputError{name: name, err: err, hint: hint}
}

func displayName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return name
}
