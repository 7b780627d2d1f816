#ifndef PHOTOCAT_JPEG_GUARD_H
#define PHOTOCAT_JPEG_GUARD_H

// A small, exit()-free front to libjpeg: every libjpeg call runs under setjmp, so a corrupt
// file returns an error code and a message instead of ending the process. The header is
// deliberately opaque: Swift never sees libjpeg's structs.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    PCJ_COLOR_OTHER = 0,
    PCJ_COLOR_GRAY = 1,
    PCJ_COLOR_RGB = 2,
    PCJ_COLOR_YCBCR = 3,
    PCJ_COLOR_CMYK = 4,
    PCJ_COLOR_YCCK = 5,
};

typedef struct {
    int width;
    int height;
    int components;       // colour components in the file
    int color_space;      // one of PCJ_COLOR_*
    int data_precision;   // bits per sample (8 or 12)
    int progressive;
    int arithmetic;
    int adobe_marker;     // an Adobe APP14 marker was seen (CMYK data is then stored inverted)
} pcj_header;

typedef struct pcj_decoder pcj_decoder;

// The decoder reads from `data`, which must stay valid until pcj_decoder_free.
pcj_decoder *pcj_decoder_new(const uint8_t *data, size_t size);
void pcj_decoder_free(pcj_decoder *decoder);

// Each returns 0 on success, -1 on a libjpeg error (see pcj_decoder_error).
int pcj_decoder_read_header(pcj_decoder *decoder, pcj_header *header);
// Starts decompression at scale_eighths/8 of the frame's size (1 to 8: libjpeg-turbo runs a
// smaller inverse DCT per block). The output is 1 (gray), 3 (RGB) or 4 (CMYK, as stored)
// components per pixel.
int pcj_decoder_start(pcj_decoder *decoder, int scale_eighths,
                      int *out_width, int *out_height, int *out_components);
// Reads every remaining row into `pixels` (rows `stride` bytes apart); rows libjpeg cannot
// give are set to zero, so `pixels` may start uninitialised.
int pcj_decoder_read_rows(pcj_decoder *decoder, uint8_t *pixels, size_t stride);

const char *pcj_decoder_error(const pcj_decoder *decoder);
// libjpeg's warnings by kind: DAMAGE when libjpeg had to guess pixels (truncated or corrupt
// entropy data), HARMLESS when the picture is whole (e.g. stray bytes between markers).
enum {
    PCJ_WARNING_DAMAGE = 0,
    PCJ_WARNING_HARMLESS = 1,
};
int pcj_decoder_warning_count(const pcj_decoder *decoder, int kind);
// The first warning of that kind, or "".
const char *pcj_decoder_first_warning(const pcj_decoder *decoder, int kind);

// Encodes 1-, 3- or 4-component (gray, RGB, CMYK as given) 8-bit pixels as a baseline JPEG with
// optimised Huffman tables. CMYK gets an Adobe marker, as Photoshop writes it.
// On success *out is a malloc'ed buffer for pcj_free_buffer. Returns 0 or -1 (message in error).
int pcj_encode(const uint8_t *pixels, int width, int height, int components, size_t stride,
               int quality, uint8_t **out, size_t *out_size, char *error, size_t error_size);
void pcj_free_buffer(uint8_t *buffer);

// libjpeg-turbo's version as MMMmmmppp (2001005 for 2.1.5), or 0 for another libjpeg.
int pcj_library_version(void);

#ifdef __cplusplus
}
#endif

#endif
