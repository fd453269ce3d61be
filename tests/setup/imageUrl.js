// An imported image in component tests: webpack gives its URL; this name stands in for it.
module.exports = 'image.png'
