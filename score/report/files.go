package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// File is one document to write: its name, a slash-separated path relative
// to the folder written to, and its bytes.
type File struct {
	Name string
	Data []byte
}

// MaxNameBytes is the longest file name [Slug] makes, in bytes.
const MaxNameBytes = 100

// SummaryFiles renders every summary as Markdown, HTML and JSON, named
// lot-LOT/BID.md, .html and .json with each id made a safe file name by
// [Slug]. Ids that slug to the same name (B/1 and B:1) are told apart by a
// suffix, -2, -3, given in the order of the ids themselves, so the names do
// not depend on the order of the summaries.
func SummaryFiles(sums []Summary) ([]File, error) {
	lotNames := uniqueSlugs(func(yield func(string)) {
		for _, s := range sums {
			yield(s.LotID)
		}
	})
	bidNames := map[string]map[string]string{}
	for _, s := range sums {
		if bidNames[s.LotID] == nil {
			lot := s.LotID
			bidNames[lot] = uniqueSlugs(func(yield func(string)) {
				for _, t := range sums {
					if t.LotID == lot {
						yield(t.BidID)
					}
				}
			})
		}
	}
	var out []File
	for _, s := range sums {
		base := "lot-" + lotNames[s.LotID] + "/" + bidNames[s.LotID][s.BidID]
		for _, r := range []struct {
			ext    string
			render func(*bytes.Buffer, Summary) error
		}{
			{".md", func(b *bytes.Buffer, s Summary) error { return SummaryMarkdown(b, s) }},
			{".html", func(b *bytes.Buffer, s Summary) error { return SummaryHTML(b, s) }},
			{".json", func(b *bytes.Buffer, s Summary) error { return SummaryJSON(b, s) }},
		} {
			var b bytes.Buffer
			if err := r.render(&b, s); err != nil {
				return nil, fmt.Errorf("lot %s, bid %s: %w", s.LotID, s.BidID, err)
			}
			out = append(out, File{Name: base + r.ext, Data: b.Bytes()})
		}
	}
	return out, nil
}

// uniqueSlugs slugs each distinct id and resolves collisions in the order
// of the ids.
func uniqueSlugs(each func(yield func(string))) map[string]string {
	var ids []string
	seen := map[string]bool{}
	each(func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	})
	slices.Sort(ids)
	out := map[string]string{}
	taken := map[string]bool{}
	for _, id := range ids {
		name := Slug(id)
		for n := 2; taken[strings.ToLower(name)]; n++ {
			name = withSuffix(Slug(id), fmt.Sprintf("-%d", n))
		}
		taken[strings.ToLower(name)] = true
		out[id] = name
	}
	return out
}

// Slug makes an id a safe file name on every common file system: letters,
// digits, '.', '-' and '_' are kept and every other character becomes '_';
// a leading '.' becomes '_' (no hidden files, no "." or ".."); a name
// Windows reserves (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, with any
// extension) is prefixed with '_'; and a name longer than [MaxNameBytes]
// is cut and ends in a digest of the whole id, so two long ids stay apart.
// An empty id is "_".
func Slug(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	s := b.String()
	if s == "" {
		return "_"
	}
	if s[0] == '.' {
		s = "_" + s[1:]
	}
	if reserved(s) {
		s = "_" + s
	}
	if len(s) > MaxNameBytes {
		sum := sha256.Sum256([]byte(id))
		s = withSuffix(s, "-"+hex.EncodeToString(sum[:6]))
	}
	return s
}

// withSuffix appends suffix, cutting s so the whole stays within
// MaxNameBytes.
func withSuffix(s, suffix string) string {
	if len(s)+len(suffix) > MaxNameBytes {
		s = s[:MaxNameBytes-len(suffix)]
	}
	return s + suffix
}

// reserved reports a name Windows reserves for a device.
func reserved(s string) bool {
	base := strings.ToUpper(s)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '1' && base[3] <= '9'
}

// Marker is the file [WriteFiles] puts in every folder it writes, listing
// the files of the set. A folder that holds something but not the marker
// was not written by WriteFiles, and is never replaced.
const Marker = ".tenderscore-output"

// WriteFiles writes the files into dir and nowhere else, as one set: every
// file is written into a new temporary folder beside dir, and only when all
// are written is that folder renamed to dir, replacing what dir held. A
// failure part way leaves dir as it was and removes the temporary folder.
// dir must not exist, be empty, or be a folder WriteFiles wrote before
// (it holds [Marker]): a folder of anything else is refused untouched. A
// name that is absolute, holds "..", a backslash or an empty part, or
// names one file twice, is refused before anything is written.
func WriteFiles(dir string, files []File) error {
	if err := checkNames(files); err != nil {
		return err
	}
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return err
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return replaceDir(tmp, dir)
}

// manifest lists the set's files, one name a line, for [Marker].
func manifest(files []File) []byte {
	var b bytes.Buffer
	b.WriteString("# written by tenderscore as one set; the folder is replaced whole when written again\n")
	for _, f := range files {
		b.WriteString(f.Name + "\n")
	}
	return b.Bytes()
}

// replaceable reports whether dir may be replaced: empty, or written by
// WriteFiles.
func replaceable(dir string) (bool, error) {
	es, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	if len(es) == 0 {
		return true, nil
	}
	_, err = os.Lstat(filepath.Join(dir, Marker))
	return err == nil, nil
}

// checkNames refuses any name that could leave the folder, or a file named
// twice.
func checkNames(files []File) error {
	seen := map[string]bool{}
	for _, f := range files {
		n := f.Name
		if n == "" || strings.ContainsRune(n, '\\') || path.IsAbs(n) || path.Clean(n) != n || !filepath.IsLocal(filepath.FromSlash(n)) ||
			strings.HasPrefix(n, "../") || slices.Contains(strings.Split(n, "/"), "..") {
			return fmt.Errorf("file name %q: not a plain path inside the folder", n)
		}
		if strings.EqualFold(n, Marker) {
			return fmt.Errorf("file name %q: reserved for the folder's marker", n)
		}
		key := strings.ToLower(n)
		if seen[key] {
			return fmt.Errorf("file name %q: named twice (file systems that ignore case would write one over the other)", n)
		}
		seen[key] = true
	}
	return nil
}

func writeAll(root string, files []File) error {
	if err := os.WriteFile(filepath.Join(root, Marker), manifest(files), 0o644); err != nil {
		return err
	}
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// replaceDir puts the finished folder tmp at dir: a rename when dir does
// not exist; otherwise dir is moved aside, tmp renamed into place, and the
// old folder removed (put back if the second rename fails).
func replaceDir(tmp, dir string) error {
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.Rename(tmp, dir)
	case err != nil:
		os.RemoveAll(tmp)
		return err
	case !fi.IsDir():
		os.RemoveAll(tmp)
		return fmt.Errorf("%s: exists and is not a folder", dir)
	}
	if ok, err := replaceable(dir); err != nil || !ok {
		os.RemoveAll(tmp)
		if err != nil {
			return err
		}
		return fmt.Errorf("%s: the folder holds files tenderscore did not write (no %s): choose a new or empty folder", dir, Marker)
	}
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir)
		os.RemoveAll(tmp)
		return err
	}
	return os.RemoveAll(old)
}
