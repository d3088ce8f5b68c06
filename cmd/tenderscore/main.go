// Command tenderscore validates, checks, scores and explains a tender from
// its files: a tender file (YAML or JSON) and its bids (YAML, JSON or CSV),
// in the format of package tenderfile.
//
//	tenderscore validate tender.yaml bids.yaml
//	tenderscore check tender.yaml bids.yaml
//	tenderscore score --format markdown tender.yaml bids.yaml
//	tenderscore summary --bidder SUP-KES tender.yaml bids.yaml
//	tenderscore whatif --lot 1 tender.yaml bids.yaml
//	tenderscore version
//
// Results go to standard output, problems to standard error, and progress
// to standard error when it is a terminal (a bar for the analyses).
// Exit status: 0 success; 1 the input has errors (or the check found an
// error); 2 the command was used wrongly (an unknown command or flag, a
// file not named, a --lot or --bidder the files do not have). Run
// "tenderscore help COMMAND" for a command's flags and an example.
//
// With --format json, check writes tenderscore.check/1 and whatif
// tenderscore.whatif/1, documented in cmd/tenderscore/SCHEMA.md with JSON
// Schemas in cmd/tenderscore/schema/; score and summary write the
// library's tenderscore.result/1 and tenderscore.summary/1
// (score/report/SCHEMA.md). score, summary and whatif warn on standard
// error when check would find an error in the evaluation model.
//
// Install it from a clone of the repository with
//
//	go install ./cmd/tenderscore
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
	return []command{validateCommand(), checkCommand(), scoreCommand(), summaryCommand(), whatifCommand(), templateCommand(), exportCommand(), importCommand()}
}

// env is what a command reads and writes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	quiet          bool
	terminal       bool // stderr is a terminal: progress is shown (progress.go)
}

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// inputError has been reported on stderr already; it only sets the status.
type inputError struct{ msg string }

func (e inputError) Error() string { return e.msg }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runOn(args, stdin, stdout, stderr, isTerminal(stderr))
}

// runOn runs the command; terminal says whether stderr is a terminal, on
// which progress is shown.
func runOn(args []string, stdin io.Reader, stdout, stderr io.Writer, terminal bool) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		return help(args[1:], stdout, stderr)
	case "-version", "--version", "version":
		if len(args) > 1 {
			fmt.Fprintf(stderr, "tenderscore version: takes no arguments, found %q\n", args[1])
			return exitUsage
		}
		fmt.Fprint(stdout, versionText(readBuildInfo()))
		return exitOK
	}
	c, ok := lookup(name)
	if !ok {
		fmt.Fprintf(stderr, "tenderscore: no command %q\n\n", name)
		usage(stderr)
		return exitUsage
	}
	fs, do, quiet := newFlagSet(c)
	// Flags may come before, between or after the files.
	var files []string
	for rest := args[1:]; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printUsage(fs, c, stdout)
				return exitOK
			}
			fmt.Fprintf(stderr, "tenderscore %s: %v\n", c.name, err)
			fmt.Fprintf(stderr, "Run \"tenderscore %s --help\" for usage.\n", c.name)
			return exitUsage
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		files, rest = append(files, rest[0]), rest[1:]
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, quiet: *quiet, terminal: terminal}
	return status(c, do(e, files), stderr)
}

// status reports a command's error on stderr and returns the exit status.
func status(c command, err error, stderr io.Writer) int {
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

// help writes the usage, or one command's, on stdout.
func help(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		usage(stdout)
		return exitOK
	case len(args) > 1:
		fmt.Fprintf(stderr, "tenderscore help: name one command, found %d words\n", len(args))
		return exitUsage
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "tenderscore help: no command %q\n", args[0])
		return exitUsage
	}
	fs, _, _ := newFlagSet(c)
	printUsage(fs, c, stdout)
	return exitOK
}

func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// newFlagSet makes a command's flag set. It writes nothing itself: run
// prints a parse error once, on stderr, and the usage asked for with
// --help once, on stdout.
func newFlagSet(c command) (fs *flag.FlagSet, do func(*env, []string) error, quiet *bool) {
	fs = flag.NewFlagSet("tenderscore "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	do = c.flags(fs)
	quiet = fs.Bool("quiet", false, "print no progress on standard error")
	return fs, do, quiet
}

// printUsage writes a command's usage: what it does, its flags and an
// example.
func printUsage(fs *flag.FlagSet, c command, w io.Writer) {
	fmt.Fprintf(w, "Usage: tenderscore %s [flags] %s\n\n%s\n\nFlags:\n", c.name, c.args, c.about)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprintf(w, "\nExample:\n\n%s\n", indent(c.example))
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
	fmt.Fprintf(w, "  %-9s %s\n", "version", "the version of tenderscore, its commit and Go toolchain")
	fmt.Fprintf(w, "  %-9s %s\n", "help", "this text, or with a command's name its flags and an example")
	fmt.Fprintln(w, `
Exit status: 0 success; 1 the input has errors, or the check found an error;
2 the command was used wrongly (an unknown command or flag, a file not
named, a --lot or --bidder the files do not have).

Run "tenderscore COMMAND --help" for a command's flags and an example.`)
}
