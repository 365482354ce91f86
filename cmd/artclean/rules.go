package main

import (
	"bytes"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/artclean/artclean/extract"
	"github.com/artclean/artclean/extract/rulesfile"
	"github.com/spf13/cobra"
)

// rulesEnv names a rules file to use when --rules is not given.
const rulesEnv = "ARTCLEAN_RULES"

// newRulesCmd is `artclean rules`: every rule a block's verdict can name, one a line —
// the built-ins in the order they are tried, then those of the quality and context passes.
func newRulesCmd(ios *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List the built-in rules: name, kind, description",
		Long: `rules lists the rules artclean decides with, one a line: name, kind and a
one-line description. The built-in rules come first, in the order they are tried (a
rules file can switch them off by name with disable:), then the verdicts of the
quality and context passes, which --explain also shows.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			var buf bytes.Buffer
			writeRules(&buf)
			_, err := ios.Out.Write(buf.Bytes())
			return err
		},
	}
}

func writeRules(buf *bytes.Buffer) {
	tw := tabwriter.NewWriter(buf, 0, 8, 2, ' ', 0)
	seen := map[extract.RuleName]bool{}
	for _, list := range [][]extract.Rule{extract.Rules(), extract.PassRules()} {
		for _, r := range list {
			if seen[r.Name] {
				continue
			}
			seen[r.Name] = true
			fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Kind, r.Desc)
		}
	}
	tw.Flush()
}

// loadRules reads the rules file --rules names, or $ARTCLEAN_RULES when the flag is not
// given; --rules "" uses none. A broken file is a usage error naming file and line.
func (o *rootOptions) loadRules(flagSet bool) error {
	path := o.RulesFile
	if !flagSet {
		path = os.Getenv(rulesEnv)
	}
	if path == "" {
		return nil
	}
	set, err := rulesfile.LoadRulesFile(path)
	if err != nil {
		return &usageError{err}
	}
	o.Rules = set
	return nil
}
