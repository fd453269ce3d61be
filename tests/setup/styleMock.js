// Stylesheets (.css/.scss) mean nothing to jsdom: components import them for their side effect only.
module.exports = {}
