#ifndef CPNGWRITER_H
#define CPNGWRITER_H

#include <stddef.h>
#include <stdint.h>

/// How libpng and zlib are driven for one image.
typedef struct {
    /// zlib level 0 (stored) ... 9 (smallest).
    int level;
    /// zlib strategy: Z_DEFAULT_STRATEGY (0), Z_FILTERED (1), Z_HUFFMAN_ONLY (2), Z_RLE (3).
    int strategy;
    /// libpng row filters, a mask of PNG_FILTER_NONE (0x08), _SUB (0x10), _UP (0x20), _AVG (0x40),
    /// _PAETH (0x80); one bit fixes the filter, several let libpng choose per row.
    int filters;
    /// Pixels per metre for the pHYs chunk (0 leaves it out).
    uint32_t pixelsPerMetreX;
    uint32_t pixelsPerMetreY;
} CPNGWriterSettings;

/// An encoded PNG, or why there is none.
typedef struct {
    /// The PNG bytes (malloc'd, release with `cpngwriter_free`), NULL after a failure.
    unsigned char *bytes;
    size_t count;
    /// A one-line message from libpng (or of an allocation failure) when `bytes` is NULL.
    char message[256];
} CPNGWriterOutput;

/// Encodes `height` rows of `width` libgd truecolor pixels (0xAARRGGBB with libgd's 7-bit alpha,
/// 0 opaque ... 127 transparent) as an 8-bit PNG: RGB when `keepAlpha` is 0 (alpha is ignored),
/// RGBA otherwise (alpha widened to 8 bits as libgd does: 255 - (2a + a / 64)).
/// Returns 0 on success; on failure returns -1 and fills `output->message`. libpng's errors
/// (delivered by longjmp) are caught here and never reach the caller.
int cpngwriter_encode_truecolor(const int32_t *const *rows, int width, int height, int keepAlpha,
                                CPNGWriterSettings settings, CPNGWriterOutput *output);

/// Releases the bytes of a successful encode.
void cpngwriter_free(unsigned char *bytes);

#endif
