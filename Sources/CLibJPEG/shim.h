#ifndef PHOTOCAT_CLIBJPEG_SHIM_H
#define PHOTOCAT_CLIBJPEG_SHIM_H

// jpeglib.h relies on size_t and FILE being declared before it is included.
#include <stddef.h>
#include <stdio.h>
#include <jpeglib.h>

#endif
