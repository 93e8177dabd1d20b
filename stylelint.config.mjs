// Stylelint for the site's CSS; ./test runs `npx stylelint "site/**/*.css"`.
// House rule: logical properties only, so Arabic (rtl) and English (ltr) share one stylesheet; a
// physical margin, padding, border, inset (top/left/...), size (width/height), float, clear or
// text-align would silently break one of the two directions. csstools/use-logical reports each.
export default {
  plugins: ['stylelint-use-logical'],
  rules: {
    'csstools/use-logical': ['always'],
  },
};
