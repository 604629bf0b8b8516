// Measures PNG size and encode time for every libpng row filter x zlib strategy x level on a
// rendered image, to choose the settings in Sources/GDRenderer/PNGCompression.swift.
// Build and run: cc -O2 -o /tmp/png_settings Tools/rendering/png_settings.c -lpng16 -lz
//                /tmp/png_settings some-rendered-map.png
// Times are the best of 5 in process CPU time.
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

typedef struct {
    unsigned char *bytes;
    size_t count, capacity;
} Buffer;

static void write_bytes(png_structp png, png_bytep data, size_t length) {
    Buffer *b = png_get_io_ptr(png);
    if (b->count + length > b->capacity) {
        while (b->count + length > b->capacity) b->capacity = b->capacity ? 2 * b->capacity : 65536;
        b->bytes = realloc(b->bytes, b->capacity);
    }
    memcpy(b->bytes + b->count, data, length);
    b->count += length;
}

static void flush_bytes(png_structp png) { (void)png; }

static double cpu_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static size_t encode(const unsigned char *rgb, int width, int height, int level, int filters, int strategy, double *best) {
    Buffer buffer = {0};
    *best = 1e30;
    for (int run = 0; run < 5; run++) {
        buffer.count = 0;
        double start = cpu_ms();
        png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
        png_infop info = png_create_info_struct(png);
        if (setjmp(png_jmpbuf(png))) {
            fprintf(stderr, "libpng error\n");
            exit(1);
        }
        png_set_write_fn(png, &buffer, write_bytes, flush_bytes);
        png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_set_compression_level(png, level);
        png_set_compression_strategy(png, strategy);
        png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
        png_set_compression_buffer_size(png, 1 << 17);
        png_write_info(png, info);
        for (int y = 0; y < height; y++) png_write_row(png, rgb + (size_t)y * width * 3);
        png_write_end(png, info);
        png_destroy_write_struct(&png, &info);
        double elapsed = cpu_ms() - start;
        if (elapsed < *best) *best = elapsed;
    }
    free(buffer.bytes);
    return buffer.count;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s image.png\n", argv[0]);
        return 2;
    }
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, argv[1])) {
        fprintf(stderr, "%s: %s\n", argv[1], image.message);
        return 1;
    }
    image.format = PNG_FORMAT_RGB;
    unsigned char *rgb = malloc(PNG_IMAGE_SIZE(image));
    png_image_finish_read(&image, NULL, rgb, 0, NULL);
    printf("%s: %ux%u\n", argv[1], image.width, image.height);
    const struct { const char *name; int mask; } filters[] = {
        {"none", PNG_FILTER_NONE}, {"sub", PNG_FILTER_SUB}, {"up", PNG_FILTER_UP},
        {"avg", PNG_FILTER_AVG}, {"paeth", PNG_FILTER_PAETH}, {"adaptive", PNG_ALL_FILTERS},
    };
    const struct { const char *name; int value; } strategies[] = {{"default", Z_DEFAULT_STRATEGY}, {"filtered", Z_FILTERED}, {"rle", Z_RLE}};
    const int levels[] = {1, 3, 6, 9};
    for (int s = 0; s < 3; s++) {
        for (int f = 0; f < 6; f++) {
            for (int l = 0; l < 4; l++) {
                if (strategies[s].value == Z_RLE && l > 0) continue;  // Z_RLE ignores the level
                double ms;
                size_t size = encode(rgb, image.width, image.height, levels[l], filters[f].mask, strategies[s].value, &ms);
                printf("%-8s %-8s level %d: %8zu bytes %7.2f ms\n", strategies[s].name, filters[f].name, levels[l], size, ms);
            }
        }
    }
    free(rgb);
    return 0;
}
