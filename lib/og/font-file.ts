/** The OpenGraph cards' font and its licence, from the project root (`npm run og-font` writes both). */
export const OG_FONT_FILE = 'assets/fonts/noto-sans-sc-bold-og.ttf';
export const OG_FONT_LICENSE_FILE = 'assets/fonts/OFL.txt';
