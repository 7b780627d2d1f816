#ifndef PHOTOCAT_CLIBEXIF_SHIM_H
#define PHOTOCAT_CLIBEXIF_SHIM_H

// libexif's headers use size_t without including <stddef.h> themselves.
#include <stddef.h>
#include <stdio.h>
#include <stdarg.h>
#include <libexif/exif-data.h>
#include <libexif/exif-content.h>
#include <libexif/exif-entry.h>
#include <libexif/exif-utils.h>
#include <libexif/exif-log.h>

// exif_data_get_entry is a macro; Swift needs a function.
static inline ExifEntry *photocat_exif_get_entry(ExifData *data, ExifIfd ifd, ExifTag tag) {
    if (!data || ifd < 0 || ifd >= EXIF_IFD_COUNT || !data->ifd[ifd]) return NULL;
    return exif_content_get_entry(data->ifd[ifd], tag);
}

// Swift cannot implement a C variadic callback, so libexif's log lines are formatted here
// and handed to a plain callback.
typedef void (*photocat_exif_log_sink)(void *context, int code, const char *domain, const char *message);

typedef struct {
    photocat_exif_log_sink sink;
    void *context;
} photocat_exif_log_target;

static inline void photocat_exif_log_trampoline(ExifLog *log, ExifLogCode code, const char *domain,
                                                const char *format, va_list args, void *data) {
    (void)log;
    photocat_exif_log_target *target = (photocat_exif_log_target *)data;
    if (!target || !target->sink) return;
    char message[512];
    vsnprintf(message, sizeof message, format, args);
    target->sink(target->context, (int)code, domain ? domain : "", message);
}

static inline void photocat_exif_log_attach(ExifLog *log, photocat_exif_log_target *target) {
    exif_log_set_func(log, photocat_exif_log_trampoline, target);
}

#endif

#ifndef PHOTOCAT_CLIBEXIF_SHIM_CONTENT
#define PHOTOCAT_CLIBEXIF_SHIM_CONTENT
// The ifd array is a C array member, which Swift sees as a tuple; index it here instead.
static inline ExifContent *photocat_exif_content(ExifData *data, ExifIfd ifd) {
    if (!data || ifd < 0 || ifd >= EXIF_IFD_COUNT) return NULL;
    return data->ifd[ifd];
}
#endif
