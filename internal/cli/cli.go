// Package cli implements the newsgraph command line: a small table of
// subcommands, each in its own file with its own flag set, run through Main
// with explicit arguments and output streams so that tests can call it.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Env is what a command may touch of the outside world.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// Command is one subcommand: its usage, its flags and what it runs.
type Command struct {
	// Name is the word that selects the command.
	Name string
	// Usage is the argument synopsis, without the program and command names.
	Usage string
	// Short is the one-line description shown in the command list.
	Short string
	// Long is the help text shown by --help.
	Long string
	// Flags declares the command's flags on fs; the values it returns are
	// read by Run through closure. May be nil.
	Flags func(fs *flag.FlagSet)
	// Run executes the command with the positional arguments left after
	// flag parsing.
	Run func(ctx context.Context, env *Env, args []string) error
	// Sub holds subcommands; a command with Sub and no Run dispatches on its
	// first argument.
	Sub []*Command
}

// UsageError reports bad arguments; Main prints the usage and exits 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// usagef returns a *UsageError with a formatted message.
func usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// commands is the command table.
func commands() []*Command {
	return []*Command{
		loadCommand(),
		extractCommand(),
		queriesCommand(),
		queryCommand(),
		exportCommand(),
		importCommand(),
		statsCommand(),
		migrateCommand(),
		nlpCommand(),
		openieCommand(),
		evalCommand(),
		serveCommand(),
	}
}

const program = "newsgraph"

// Main runs the command line args (without the program name) and returns the
// process exit code: 0 on success, 1 on a runtime error, 2 on a usage error.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	root := &Command{Name: program, Sub: commands(),
		Short: "build a knowledge graph of who said what from news articles"}
	return runCommand(ctx, env, root, []string{program}, args)
}

func runCommand(ctx context.Context, env *Env, cmd *Command, path []string, args []string) int {
	if cmd.Run == nil {
		if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
			printCommandList(env.Stdout, cmd, path)
			if len(args) == 0 {
				return 2
			}
			return 0
		}
		for _, sub := range cmd.Sub {
			if sub.Name == args[0] {
				return runCommand(ctx, env, sub, append(path, sub.Name), args[1:])
			}
		}
		fmt.Fprintf(env.Stderr, "error: unknown command %q\n", strings.Join(append(path, args[0]), " "))
		printCommandList(env.Stderr, cmd, path)
		return 2
	}
	name := strings.Join(path, " ")
	fs := newFlagSet()
	if cmd.Flags != nil {
		cmd.Flags(fs)
	}
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		printHelp(env.Stdout, cmd, name, fs)
		return 0
	}
	if err == nil {
		err = cmd.Run(ctx, env, pos)
	}
	var uerr *UsageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &uerr) || isFlagError(err):
		fmt.Fprintf(env.Stderr, "error: %v\n", err)
		printUsage(env.Stderr, cmd, name, fs)
		return 2
	default:
		fmt.Fprintf(env.Stderr, "error: %v\n", err)
		return 1
	}
}

// newFlagSet returns a silent flag set; Main prints usage itself.
func newFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// flagError marks errors returned by the flag package.
type flagError struct{ err error }

func (e flagError) Error() string { return e.err.Error() }
func (e flagError) Unwrap() error { return e.err }

func isFlagError(err error) bool {
	var fe flagError
	return errors.As(err, &fe)
}

// parseInterspersed parses flags that may appear before, between or after
// positional arguments; "--" ends flag parsing and "-" is a positional
// argument (standard input).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, flagError{err}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// fs.Parse stops at the first non-flag or after "--".
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func printCommandList(w io.Writer, cmd *Command, path []string) {
	name := strings.Join(path, " ")
	fmt.Fprintf(w, "%s: %s\n\nUsage:\n  %s <command> [arguments]\n\nCommands:\n", name, cmd.Short, name)
	subs := append([]*Command(nil), cmd.Sub...)
	sort.Slice(subs, func(i, j int) bool { return subs[i].Name < subs[j].Name })
	for _, s := range subs {
		fmt.Fprintf(w, "  %-10s %s\n", s.Name, s.Short)
	}
	fmt.Fprintf(w, "\nRun '%s <command> --help' for details.\n", name)
}

func printUsage(w io.Writer, cmd *Command, name string, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: %s %s\n", name, cmd.Usage)
	if hasFlags(fs) {
		fmt.Fprintf(w, "Run '%s --help' for details.\n", name)
	}
}

func printHelp(w io.Writer, cmd *Command, name string, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: %s %s\n\n%s\n", name, cmd.Usage, strings.TrimSpace(cmd.Long))
	if hasFlags(fs) {
		fmt.Fprintf(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// openInput opens a named input, "-" meaning standard input.
func openInput(env *Env, name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(env.Stdin), nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}
