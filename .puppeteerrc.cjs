// puppeteer comes in only as @axe-core/puppeteer's peer; the tests drive Debian's chromium and firefox-esr through
// puppeteer-core, so nothing is downloaded (there is no internet on the build machines either).
module.exports = { skipDownload: true };
