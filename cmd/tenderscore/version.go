package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// readBuildInfo is the build information the Go toolchain embedded in the
// binary; nil when there is none.
func readBuildInfo() *debug.BuildInfo {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	return bi
}

// versionText says which tenderscore this is, from its build information:
// the module version ("v0.4.0" when installed with go install …@v0.4.0, a
// pseudo-version or "(devel)" when built from a clone), the commit and its
// time when the build recorded them (a build from a git clone does, unless
// -buildvcs=false), and the Go toolchain. Nothing is read from the clock or
// the network.
func versionText(bi *debug.BuildInfo) string {
	if bi == nil {
		return fmt.Sprintf("tenderscore (version unknown: the binary carries no build information)\n  go        %s\n", runtime.Version())
	}
	version := bi.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "tenderscore %s\n", version)
	if bi.Main.Path != "" {
		fmt.Fprintf(&b, "  module    %s\n", bi.Main.Path)
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		if settings["vcs.modified"] == "true" {
			rev += " (with uncommitted changes)"
		}
		fmt.Fprintf(&b, "  revision  %s\n", rev)
	}
	if t := settings["vcs.time"]; t != "" {
		fmt.Fprintf(&b, "  time      %s\n", t)
	}
	goVersion := bi.GoVersion
	if goVersion == "" {
		goVersion = runtime.Version()
	}
	if goos, goarch := settings["GOOS"], settings["GOARCH"]; goos != "" && goarch != "" {
		goVersion += " " + goos + "/" + goarch
	}
	fmt.Fprintf(&b, "  go        %s\n", goVersion)
	return b.String()
}
