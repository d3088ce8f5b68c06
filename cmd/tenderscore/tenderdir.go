package main

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// readTender reads the tender file, and the measure catalogues it names by
// file from the folder the tender file is in (the current folder for
// standard input). The folder is opened as an os.Root, so that no path in
// the file — absolute, climbing out with "..", or through a symbolic link
// — reads anything outside it.
func readTender(f namedFile, arg string) (score.Tender, *tenderfile.Source, error) {
	dir := "."
	if arg != "-" {
		dir = filepath.Dir(arg)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		// The file was read, so its folder exists; without it, catalogue
		// files are refused with a problem at their place.
		return tenderfile.ReadTender(f.name, bytes.NewReader(f.data))
	}
	defer root.Close()
	return tenderfile.ReadTenderIn(root.FS(), f.name, bytes.NewReader(f.data))
}
