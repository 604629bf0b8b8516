#include <gd.h>
#include <gdfontl.h>
#include <zlib.h>
