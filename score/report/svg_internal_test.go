package report

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLegendLayout: the legend flows onto as many lines as the criteria
// need, in order, every item inside the chart (issue 14.7).
func TestLegendLayout(t *testing.T) {
	sixty := strings.Repeat("x", 60)
	for _, tt := range []struct {
		name   string
		titles []string
		want   [][2]int // x and line of each item
		lines  int
	}{
		// hand: "Price" is 20 + 5 × 7 = 55 units wide, then a gap of 24:
		// "Quality" starts at 20 + 55 + 24 = 99.
		{"two short titles share a line", []string{"Price", "Quality"}, [][2]int{{20, 0}, {99, 0}}, 1},
		// hand: each is 20 + 60 × 7 = 440 wide; the second starts at 20 +
		// 440 + 24 = 484 and ends at 924 ≤ 940; a third at 948 would end at
		// 1388 > 940, so it starts the next line.
		{"long titles wrap", []string{sixty, sixty, sixty}, [][2]int{{20, 0}, {484, 0}, {20, 1}}, 2},
		{"no criteria, no legend", nil, nil, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			items, lines := legendLayout(tt.titles)
			require.Len(t, items, len(tt.want))
			for i, it := range items {
				assert.Equal(t, tt.want[i], [2]int{it.x, it.row}, "item %d", i)
				assert.Equal(t, i, it.colour, "colours follow the criteria's order")
			}
			assert.Equal(t, tt.lines, lines)
		})
	}
}

// TestLegendFitsManyCriteria: twelve criteria with titles of every length,
// one too long for a line on its own: every item ends inside the chart's
// margin, and the long one is shortened with its full title kept.
func TestLegendFitsManyCriteria(t *testing.T) {
	var titles []string
	for i := range 12 {
		titles = append(titles, strings.Repeat("Criterion ", i%4+1)+string(rune('A'+i)))
	}
	titles[5] = strings.Repeat("A very long criterion title ", 8)
	items, lines := legendLayout(titles)
	require.Len(t, items, 12)
	assert.Greater(t, lines, 3, "many criteria take several lines")
	for i, it := range items {
		assert.LessOrEqual(t, it.x+legendSwatch+textWidth(it.text), chartWidth-chartMargin, "item %d ends inside the chart", i)
		if i > 0 {
			prev := items[i-1]
			assert.True(t, it.row > prev.row || it.x > prev.x, "item %d follows item %d", i, i-1)
		}
	}
	assert.True(t, strings.HasSuffix(items[5].text, "…"))
	assert.Equal(t, titles[5], items[5].full)
}

// TestWrapText: threshold lines break at spaces to fit the chart.
func TestWrapText(t *testing.T) {
	// hand: 30 units hold 4 characters (4 × 7 = 28): "ab cd" is 5.
	assert.Equal(t, []string{"ab", "cd"}, wrapText("ab cd", 30))
	assert.Equal(t, []string{"ab c"}, wrapText("ab c", 30))
	assert.Equal(t, []string{"abc…"}, wrapText("abcdefgh", 30), "a word longer than a line is shortened")
	assert.Empty(t, wrapText("  ", 30))
}
