#include "jpeg_guard.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>

// An error manager that longjmps back to the caller instead of calling exit(), and counts
// warnings instead of printing them to stderr, in two kinds: those that mean the pixels
// suffered and those that do not.
typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
    char first_warning[2][JMSG_LENGTH_MAX];
    int warnings[2];
    int decoding; // the header is read: what follows is entropy-coded data
} guard_error_mgr;

// libjpeg's working memory per decode. Baseline files stream within the scaled image; a
// progressive file keeps every coefficient of the full frame, which this bounds.
#define GUARD_MEMORY_LIMIT (768L * 1024 * 1024)

static void guard_error_exit(j_common_ptr cinfo) {
    guard_error_mgr *err = (guard_error_mgr *)cinfo->err;
    if (cinfo->err->msg_code == JERR_NO_BACKING_STORE) {
        snprintf(err->message, sizeof err->message, "decoding needs more than the %ld MB memory limit",
                 GUARD_MEMORY_LIMIT >> 20);
    } else {
        (*cinfo->err->format_message)(cinfo, err->message);
    }
    longjmp(err->jump, 1);
}

// Warnings after which every pixel is still what the camera wrote: bytes in the header that
// belong to no segment, an unknown Adobe transform or JFIF revision, a bad ICC chunk, sequential
// scan parameters out of range. Every other warning (premature end of data, a bad Huffman or
// arithmetic code, a lost restart marker, an inconsistent progression) means libjpeg guessed
// part of the picture; so does any warning not listed, to be safe. Extraneous bytes found once
// decoding has begun are damage too: they are entropy-coded data the decoder had no use for,
// which happens when the data does not match its tables.
static int guard_is_harmless(int code, int decoding) {
    switch (code) {
    case JWRN_EXTRANEOUS_DATA:
        return !decoding;
    case JWRN_ADOBE_XFORM:
    case JWRN_JFIF_MAJOR:
    case JWRN_NOT_SEQUENTIAL:
#if defined(LIBJPEG_TURBO_VERSION_NUMBER) && LIBJPEG_TURBO_VERSION_NUMBER >= 2000000
    case JWRN_BOGUS_ICC:
#endif
        return 1;
    default:
        return 0;
    }
}

static void guard_emit_message(j_common_ptr cinfo, int level) {
    guard_error_mgr *err = (guard_error_mgr *)cinfo->err;
    if (level >= 0) return; // trace messages
    int kind = guard_is_harmless(cinfo->err->msg_code, err->decoding) ? PCJ_WARNING_HARMLESS : PCJ_WARNING_DAMAGE;
    if (err->warnings[kind] == 0) (*cinfo->err->format_message)(cinfo, err->first_warning[kind]);
    err->warnings[kind] += 1;
}

static void guard_output_message(j_common_ptr cinfo) { (void)cinfo; }

static void guard_install(guard_error_mgr *err) {
    jpeg_std_error(&err->base);
    err->base.error_exit = guard_error_exit;
    err->base.emit_message = guard_emit_message;
    err->base.output_message = guard_output_message;
    err->message[0] = 0;
    memset(err->first_warning, 0, sizeof err->first_warning);
    memset(err->warnings, 0, sizeof err->warnings);
    err->decoding = 0;
}

struct pcj_decoder {
    struct jpeg_decompress_struct cinfo;
    guard_error_mgr err;
    int created;
    int started;
    const uint8_t *data;
    size_t size;
};

pcj_decoder *pcj_decoder_new(const uint8_t *data, size_t size) {
    pcj_decoder *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->data = data;
    d->size = size;
    guard_install(&d->err);
    d->cinfo.err = &d->err.base;
    if (setjmp(d->err.jump)) {
        free(d);
        return NULL;
    }
    jpeg_create_decompress(&d->cinfo);
    d->created = 1;
    d->cinfo.mem->max_memory_to_use = GUARD_MEMORY_LIMIT;
    jpeg_mem_src(&d->cinfo, data, (unsigned long)size);
    return d;
}

void pcj_decoder_free(pcj_decoder *d) {
    if (!d) return;
    if (d->created) {
        // jpeg_destroy cannot fail, but keep a landing pad in case a memory manager complains.
        if (!setjmp(d->err.jump)) jpeg_destroy_decompress(&d->cinfo);
    }
    free(d);
}

static int color_space_code(J_COLOR_SPACE cs) {
    switch (cs) {
    case JCS_GRAYSCALE: return PCJ_COLOR_GRAY;
    case JCS_RGB: return PCJ_COLOR_RGB;
    case JCS_YCbCr: return PCJ_COLOR_YCBCR;
    case JCS_CMYK: return PCJ_COLOR_CMYK;
    case JCS_YCCK: return PCJ_COLOR_YCCK;
    default: return PCJ_COLOR_OTHER;
    }
}

int pcj_decoder_read_header(pcj_decoder *d, pcj_header *h) {
    if (setjmp(d->err.jump)) return -1;
    jpeg_read_header(&d->cinfo, TRUE);
    h->width = (int)d->cinfo.image_width;
    h->height = (int)d->cinfo.image_height;
    h->components = d->cinfo.num_components;
    h->color_space = color_space_code(d->cinfo.jpeg_color_space);
    h->data_precision = d->cinfo.data_precision;
    h->progressive = d->cinfo.progressive_mode ? 1 : 0;
    h->arithmetic = d->cinfo.arith_code ? 1 : 0;
    h->adobe_marker = d->cinfo.saw_Adobe_marker ? 1 : 0;
    return 0;
}

int pcj_decoder_start(pcj_decoder *d, int scale_eighths, int *out_width, int *out_height,
                      int *out_components) {
    if (setjmp(d->err.jump)) return -1;
    struct jpeg_decompress_struct *c = &d->cinfo;
    switch (c->jpeg_color_space) {
    case JCS_GRAYSCALE: c->out_color_space = JCS_GRAYSCALE; break;
    case JCS_CMYK:
    case JCS_YCCK: c->out_color_space = JCS_CMYK; break;
    default: c->out_color_space = JCS_RGB; break;
    }
    c->scale_num = (unsigned int)scale_eighths;
    c->scale_denom = 8;
    c->dct_method = JDCT_ISLOW;
    c->do_fancy_upsampling = TRUE;
    d->err.decoding = 1;
    jpeg_start_decompress(c);
    d->started = 1;
    *out_width = (int)c->output_width;
    *out_height = (int)c->output_height;
    *out_components = c->output_components;
    return 0;
}

int pcj_decoder_read_rows(pcj_decoder *d, uint8_t *pixels, size_t stride) {
    if (setjmp(d->err.jump)) return -1;
    struct jpeg_decompress_struct *c = &d->cinfo;
    while (c->output_scanline < c->output_height) {
        JSAMPROW row = pixels + (size_t)c->output_scanline * stride;
        if (jpeg_read_scanlines(c, &row, 1) != 1) break;
    }
    // Rows libjpeg could not give are black, never whatever the buffer held before.
    if (c->output_scanline < c->output_height)
        memset(pixels + (size_t)c->output_scanline * stride, 0,
               (size_t)(c->output_height - c->output_scanline) * stride);
    jpeg_finish_decompress(c);
    return 0;
}

const char *pcj_decoder_error(const pcj_decoder *d) { return d->err.message; }
static int guard_kind(int kind) { return kind == PCJ_WARNING_HARMLESS ? PCJ_WARNING_HARMLESS : PCJ_WARNING_DAMAGE; }
int pcj_decoder_warning_count(const pcj_decoder *d, int kind) { return d->err.warnings[guard_kind(kind)]; }
const char *pcj_decoder_first_warning(const pcj_decoder *d, int kind) { return d->err.first_warning[guard_kind(kind)]; }

int pcj_encode(const uint8_t *pixels, int width, int height, int components, size_t stride,
               int quality, uint8_t **out, size_t *out_size, char *error, size_t error_size) {
    struct jpeg_compress_struct c;
    guard_error_mgr err;
    // volatile: these survive the longjmp and are cleaned up on the error path.
    unsigned char *volatile buffer = NULL;
    unsigned long size = 0;
    volatile int created = 0;

    guard_install(&err);
    c.err = &err.base;
    if (setjmp(err.jump)) {
        if (error && error_size) snprintf(error, error_size, "%s", err.message);
        if (created) jpeg_destroy_compress(&c);
        free(buffer);
        return -1;
    }
    jpeg_create_compress(&c);
    created = 1;
    jpeg_mem_dest(&c, (unsigned char **)&buffer, &size);
    c.image_width = (JDIMENSION)width;
    c.image_height = (JDIMENSION)height;
    c.input_components = components;
    c.in_color_space = components == 1 ? JCS_GRAYSCALE : components == 4 ? JCS_CMYK : JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, quality, TRUE);
    c.optimize_coding = TRUE;
    c.dct_method = JDCT_ISLOW;
    jpeg_start_compress(&c, TRUE);
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)c.next_scanline * stride);
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    *out = buffer;
    *out_size = size;
    return 0;
}

void pcj_free_buffer(uint8_t *buffer) { free(buffer); }

int pcj_library_version(void) {
#ifdef LIBJPEG_TURBO_VERSION_NUMBER
    return LIBJPEG_TURBO_VERSION_NUMBER;
#else
    return 0;
#endif
}
