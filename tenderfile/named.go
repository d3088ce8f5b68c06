package tenderfile

import (
	"errors"
	"io/fs"
	"path"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tenderscore/tenderscore/criteria"
)

// A tender file may name what it would otherwise spell out: a built-in mark
// scale by its name (scale: 0-4), and a buyer's measure catalogue by the
// path of its CSV or JSON file, relative to the tender file (catalogue:
// measures.csv). A mapping spells the value out, as before.

var (
	scaleType     = reflect.TypeFor[criteria.Scale]()
	catalogueType = reflect.TypeFor[criteria.Catalogue]()
)

// named decodes a scalar where a scale or a catalogue goes, reporting
// whether it did (any other value is decoded as a mapping).
func (d *decoder) named(n *yaml.Node, v reflect.Value, path string) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		return false
	}
	switch v.Type() {
	case scaleType:
		s, ok := criteria.ScaleNamed(n.Value)
		if !ok {
			d.add(n, path, abbreviate(n.Value), "known-scale", "not a built-in scale; name one of %s, or spell the scale out (name, levels)", strings.Join(criteria.ScaleNames(), ", "))
			return true
		}
		v.Set(reflect.ValueOf(s))
		return true
	case catalogueType:
		if c, ok := d.files.catalogue(d, n, path); ok {
			v.Set(reflect.ValueOf(c))
		}
		return true
	}
	return false
}

// files reads the files a tender file names, from the folder the tender
// file is in. A nil dir reads none: [ReadTender] reads nothing but the file
// it is given, so a file uploaded to a portal cannot make it open others.
type files struct {
	dir        fs.FS
	catalogues map[string]catalogueRead // by clean path: each file is read once
}

type catalogueRead struct {
	c  criteria.Catalogue
	ok bool
}

// catalogue reads the measure catalogue a tender file names by path.
func (f *files) catalogue(d *decoder, n *yaml.Node, field string) (criteria.Catalogue, bool) {
	name := n.Value
	if f == nil || f.dir == nil {
		d.add(n, field, abbreviate(name), "no-files", "a catalogue named by file is read only beside a tender file on disk (tenderscore, or tenderfile.ReadTenderIn); write the catalogue out here instead")
		return criteria.Catalogue{}, false
	}
	p := path.Clean(strings.ReplaceAll(name, `\`, "/"))
	if !fs.ValidPath(p) || strings.HasPrefix(name, "/") {
		d.add(n, field, abbreviate(name), "relative-path", "name the catalogue file by a path relative to the tender file, inside its folder (measures.csv, catalogues/measures.csv)")
		return criteria.Catalogue{}, false
	}
	if r, done := f.catalogues[p]; done {
		return r.c, r.ok
	}
	c, ok := f.load(d, n, field, p)
	if f.catalogues == nil {
		f.catalogues = map[string]catalogueRead{}
	}
	f.catalogues[p] = catalogueRead{c: c, ok: ok}
	return c, ok
}

// load reads one catalogue file, reporting its problems at the place the
// tender file names it, each with its place in the catalogue file ("row 3,
// column proxy").
func (f *files) load(d *decoder, n *yaml.Node, field, p string) (criteria.Catalogue, bool) {
	load := criteria.LoadCatalogueJSON
	switch strings.ToLower(path.Ext(p)) {
	case ".csv":
		load = criteria.LoadCatalogueCSV
	case ".json":
	default:
		d.add(n, field, abbreviate(n.Value), "catalogue-format", "a catalogue file is CSV (.csv) or JSON (.json)")
		return criteria.Catalogue{}, false
	}
	file, err := f.dir.Open(p)
	if err != nil {
		msg := "cannot be opened"
		if errors.Is(err, fs.ErrNotExist) {
			msg = "no such file beside the tender file"
		}
		d.add(n, field, abbreviate(n.Value), "catalogue-file", "%s", msg)
		return criteria.Catalogue{}, false
	}
	defer file.Close()
	if st, err := file.Stat(); err == nil && st.IsDir() {
		d.add(n, field, abbreviate(n.Value), "catalogue-file", "is a folder, not a file")
		return criteria.Catalogue{}, false
	}
	c, err := load(file)
	var de *criteria.DecodeError
	switch {
	case errors.As(err, &de):
		for _, cp := range de.Problems {
			d.add(n, field, abbreviate(cp.Value), cp.Rule, "%q: %s: %s", p, cp.Field, cp.Message)
		}
		return criteria.Catalogue{}, false
	case err != nil:
		d.add(n, field, abbreviate(n.Value), "catalogue-file", "cannot be read: %v", err)
		return criteria.Catalogue{}, false
	}
	return c, true
}

// namedNode writes a built-in scale by its name; false for any other value.
func namedNode(v reflect.Value) (*yaml.Node, bool) {
	if v.Type() != scaleType {
		return nil, false
	}
	name, ok := v.Interface().(criteria.Scale).BuiltinName()
	if !ok {
		return nil, false
	}
	return str(name), true
}
