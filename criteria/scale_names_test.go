package criteria_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/criteria"
)

// TestScaleNamed checks that a tender file can name each built-in scale the
// way evaluators write it, and that naming is exact: any other scale has no
// built-in name, so a file never turns a council's own scale into a
// built-in one.
func TestScaleNamed(t *testing.T) {
	tests := []struct {
		why, name string
		want      criteria.Scale
	}{
		{"0-4 with a hyphen, as people type it", "0-4", criteria.Scale0to4()},
		{"the scale's own name, with an en dash", "0–4", criteria.Scale0to4()},
		{"spaces are ignored", " 0 - 5 ", criteria.Scale0to5()},
		{"the Scottish award-stage scale", "0/25/50/75/100", criteria.Scale0to100By25()},
		{"the DfE stepped scale", "0/2/5/8/10", criteria.Scale0to10Stepped()},
	}
	for _, tc := range tests {
		s, ok := criteria.ScaleNamed(tc.name)
		require.True(t, ok, tc.why)
		assert.Equal(t, tc.want, s, tc.why)
		name, ok := s.BuiltinName()
		require.True(t, ok, tc.why)
		back, _ := criteria.ScaleNamed(name)
		assert.Equal(t, s, back, "%s: the name written reads back to the same scale", tc.why)
	}
	for _, name := range []string{"0-3", "1-5", "", "0-4-8"} {
		_, ok := criteria.ScaleNamed(name)
		assert.False(t, ok, "%q is not a built-in scale", name)
	}
	assert.Equal(t, []string{"0-4", "0-5", "0/25/50/75/100", "0/2/5/8/10"}, criteria.ScaleNames())

	own := criteria.Scale0to4()
	own.Levels[3].Descriptor = "Very good"
	_, ok := own.BuiltinName()
	assert.False(t, ok, "a scale with a descriptor of its own is the council's, not the built-in")
	yesNo := criteria.NewScale("yes/no", criteria.Level{Mark: decimal.Zero}, criteria.Level{Mark: decimal.NewFromInt(1)})
	_, ok = yesNo.BuiltinName()
	assert.False(t, ok)
}
