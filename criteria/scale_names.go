package criteria

import "strings"

// builtinScales are the scales a tender file may name instead of spelling
// out (scale: 0-4), in the order [ScaleNames] lists them.
var builtinScales = []struct {
	name  string
	scale func() Scale
}{
	{"0-4", Scale0to4},
	{"0-5", Scale0to5},
	{"0/25/50/75/100", Scale0to100By25},
	{"0/2/5/8/10", Scale0to10Stepped},
}

// ScaleNames lists the names of the built-in scales, as a tender file
// writes them: "0-4", "0-5", "0/25/50/75/100", "0/2/5/8/10".
func ScaleNames() []string {
	out := make([]string, len(builtinScales))
	for i, b := range builtinScales {
		out[i] = b.name
	}
	return out
}

// ScaleNamed returns the built-in scale with the given name: one of
// [ScaleNames], or the scale's own Name ("0–4" with an en dash), with
// spaces around the marks ignored. It reports false for any other name.
func ScaleNamed(name string) (Scale, bool) {
	key := normaliseScaleName(name)
	for _, b := range builtinScales {
		s := b.scale()
		if key == b.name || key == normaliseScaleName(s.Name) {
			return s, true
		}
	}
	return Scale{}, false
}

// BuiltinName returns the name a tender file may use for s, when s is one
// of the built-in scales exactly as this release defines it (name, source,
// marks and descriptors, in order); false for any other scale.
func (s Scale) BuiltinName() (string, bool) {
	for _, b := range builtinScales {
		if s.same(b.scale()) {
			return b.name, true
		}
	}
	return "", false
}

// same reports whether two scales are the same declaration, mark by mark.
func (s Scale) same(o Scale) bool {
	if s.Name != o.Name || s.Source != o.Source || len(s.Levels) != len(o.Levels) {
		return false
	}
	for i, l := range s.Levels {
		if !l.Mark.Equal(o.Levels[i].Mark) || l.Descriptor != o.Levels[i].Descriptor {
			return false
		}
	}
	return true
}

func normaliseScaleName(name string) string {
	name = strings.ReplaceAll(name, "–", "-") // en dash
	name = strings.ReplaceAll(name, "—", "-") // em dash
	return strings.Join(strings.Fields(name), "")
}
