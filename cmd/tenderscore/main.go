// Command tenderscore validates, checks, scores and explains a tender from
// its files: a tender file (YAML or JSON) and its bids (YAML, JSON or CSV),
// in the format of package tenderfile.
//
//	tenderscore validate tender.yaml bids.yaml
//	tenderscore check tender.yaml bids.yaml
//	tenderscore score --format markdown tender.yaml bids.yaml
//	tenderscore summary --bidder SUP-KES tender.yaml bids.yaml
//	tenderscore whatif --lot 1 tender.yaml bids.yaml
//
// Results go to standard output, problems and progress to standard error.
// Exit status: 0 success; 1 the input has errors (or the check found an
// error); 2 the command was used wrongly. Run "tenderscore help COMMAND"
// for a command's flags and an example.
//
// Install it with
//
//	go install github.com/tenderscore/tenderscore/cmd/tenderscore@latest
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK    = 0
	exitInput = 1
	exitUsage = 2
)

// command is one subcommand.
type command struct {
	name    string
	args    string // what follows the flags
	summary string
	about   string // what it does, in a paragraph
	example string
	flags   func(fs *flag.FlagSet) func(env *env, args []string) error
}

func commands() []command {
	return []command{validateCommand(), checkCommand(), scoreCommand(), summaryCommand(), whatifCommand(), templateCommand()}
}

// env is what a command reads and writes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	quiet          bool
}

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// inputError has been reported on stderr already; it only sets the status.
type inputError struct{ msg string }

func (e inputError) Error() string { return e.msg }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		if name == "help" && len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] {
					fs, _ := newFlagSet(c, stdout)
					fs.Usage()
					return exitOK
				}
			}
			fmt.Fprintf(stderr, "tenderscore: no command %q\n", args[1])
			return exitUsage
		}
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		fs, do := newFlagSet(c, stderr)
		quiet := fs.Bool("quiet", false, "print no progress on standard error")
		// Flags may come before, between or after the files.
		var files []string
		for rest := args[1:]; ; {
			if err := fs.Parse(rest); err != nil {
				if errors.Is(err, flag.ErrHelp) {
					fs.SetOutput(stdout)
					fs.Usage()
					return exitOK
				}
				return exitUsage
			}
			rest = fs.Args()
			if len(rest) == 0 {
				break
			}
			files, rest = append(files, rest[0]), rest[1:]
		}
		e := &env{stdin: stdin, stdout: stdout, stderr: stderr, quiet: *quiet}
		err := do(e, files)
		var ue usageError
		var ie inputError
		switch {
		case err == nil:
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "tenderscore %s: %s\n", c.name, ue.msg)
			fmt.Fprintf(stderr, "Run \"tenderscore %s --help\" for usage.\n", c.name)
			return exitUsage
		case errors.As(err, &ie):
			if ie.msg != "" {
				fmt.Fprintf(stderr, "tenderscore %s: %s\n", c.name, ie.msg)
			}
			return exitInput
		default:
			fmt.Fprintf(stderr, "tenderscore %s: %v\n", c.name, err)
			return exitInput
		}
	}
	fmt.Fprintf(stderr, "tenderscore: no command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

func newFlagSet(c command, out io.Writer) (*flag.FlagSet, func(*env, []string) error) {
	fs := flag.NewFlagSet("tenderscore "+c.name, flag.ContinueOnError)
	fs.SetOutput(out)
	do := c.flags(fs)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: tenderscore %s [flags] %s\n\n%s\n\nFlags:\n", c.name, c.args, c.about)
		fs.PrintDefaults()
		fmt.Fprintf(w, "\nExample:\n\n%s\n", indent(c.example))
	}
	return fs, do
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n")
}

func usage(w io.Writer) {
	fmt.Fprintln(w, `tenderscore scores UK public-procurement tenders from files and explains every score.

Usage: tenderscore COMMAND [flags] TENDER [BIDS...]

TENDER is a tender file (YAML or JSON); each BIDS is a bids file (YAML or
JSON), a CSV file of bids, prices, marks, gates, commitments or tie-break
scores, or an Excel workbook (.xlsx) with a sheet of each. "-" reads
standard input.

Commands:`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, `
Exit status: 0 success; 1 the input has errors, or the check found an error;
2 the command was used wrongly.

Run "tenderscore COMMAND --help" for a command's flags and an example.`)
}
