/* The batcher of guest/batch.h: none until a later lab installs one. */
#include <guest/batch.h>

const struct batcher *batcher;
