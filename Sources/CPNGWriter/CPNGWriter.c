// A PNG writer over libpng that catches libpng's longjmp errors in C, so that Swift only sees
// return codes. Output goes into one growable memory buffer; the same pixels and settings give
// the same bytes (libpng and zlib are deterministic for fixed settings).
#include "CPNGWriter.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    unsigned char *bytes;
    size_t count;
    size_t capacity;
    int outOfMemory;
} Buffer;

static void write_bytes(png_structp png, png_bytep data, size_t length) {
    Buffer *buffer = (Buffer *)png_get_io_ptr(png);
    if (buffer->outOfMemory) return;
    if (buffer->count + length > buffer->capacity) {
        size_t capacity = buffer->capacity;
        while (buffer->count + length > capacity) capacity *= 2;
        unsigned char *grown = realloc(buffer->bytes, capacity);
        if (grown == NULL) {
            buffer->outOfMemory = 1;
            png_error(png, "out of memory growing the PNG buffer");
        }
        buffer->bytes = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->count, data, length);
    buffer->count += length;
}

static void flush_bytes(png_structp png) { (void)png; }

typedef struct {
    char *message;
} ErrorSink;

static void on_error(png_structp png, png_const_charp text) {
    ErrorSink *sink = (ErrorSink *)png_get_error_ptr(png);
    snprintf(sink->message, 256, "libpng: %s", text);
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

int cpngwriter_encode_truecolor(const int32_t *const *rows, int width, int height, int keepAlpha,
                                CPNGWriterSettings settings, CPNGWriterOutput *output) {
    output->bytes = NULL;
    output->count = 0;
    output->message[0] = 0;
    if (rows == NULL || width <= 0 || height <= 0) {
        snprintf(output->message, sizeof output->message, "cannot encode a %dx%d image as PNG", width, height);
        return -1;
    }
    const size_t channels = keepAlpha ? 4 : 3;
    Buffer *buffer = calloc(1, sizeof(Buffer));
    unsigned char *row = malloc((size_t)width * channels);
    ErrorSink sink = {output->message};
    png_structp png = NULL;
    png_infop info = NULL;
    if (buffer != NULL) {
        buffer->capacity = (size_t)width * height / 8 + 4096;
        buffer->bytes = malloc(buffer->capacity);
    }
    if (buffer == NULL || buffer->bytes == NULL || row == NULL) {
        snprintf(output->message, sizeof output->message, "out of memory encoding a %dx%d PNG", width, height);
        goto fail;
    }
    png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, on_error, on_warning);
    if (png != NULL) info = png_create_info_struct(png);
    if (png == NULL || info == NULL) {
        snprintf(output->message, sizeof output->message, "libpng could not start a %dx%d PNG (out of memory?)", width, height);
        goto fail;
    }
    if (setjmp(png_jmpbuf(png))) goto fail;
    png_set_write_fn(png, buffer, write_bytes, flush_bytes);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, keepAlpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (settings.pixelsPerMetreX > 0 && settings.pixelsPerMetreY > 0) {
        png_set_pHYs(png, info, settings.pixelsPerMetreX, settings.pixelsPerMetreY, PNG_RESOLUTION_METER);
    }
    png_set_compression_level(png, settings.level);
    png_set_compression_strategy(png, settings.strategy);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, settings.filters);
    // Fewer, larger IDAT chunks: less per-chunk CRC and call overhead.
    png_set_compression_buffer_size(png, 1 << 17);
    png_write_info(png, info);
    for (int y = 0; y < height; y++) {
        const int32_t *source = rows[y];
        unsigned char *out = row;
        if (keepAlpha) {
            for (int x = 0; x < width; x++) {
                const uint32_t v = (uint32_t)source[x];
                const uint32_t a = (v >> 24) & 0x7F;
                out[0] = (unsigned char)(v >> 16);
                out[1] = (unsigned char)(v >> 8);
                out[2] = (unsigned char)v;
                out[3] = (unsigned char)(255 - ((a << 1) + (a >> 6)));
                out += 4;
            }
        } else {
            for (int x = 0; x < width; x++) {
                const uint32_t v = (uint32_t)source[x];
                out[0] = (unsigned char)(v >> 16);
                out[1] = (unsigned char)(v >> 8);
                out[2] = (unsigned char)v;
                out += 3;
            }
        }
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(row);
    output->bytes = buffer->bytes;
    output->count = buffer->count;
    free(buffer);
    return 0;

fail:
    if (png != NULL) png_destroy_write_struct(&png, info != NULL ? &info : NULL);
    if (buffer != NULL) {
        free(buffer->bytes);
        free(buffer);
    }
    free(row);
    if (output->message[0] == 0) snprintf(output->message, sizeof output->message, "libpng failed to encode a %dx%d PNG", width, height);
    return -1;
}

void cpngwriter_free(unsigned char *bytes) { free(bytes); }
