/* stride-paper.c: paper sizes for printed documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <langinfo.h>
#include <locale.h>

#include "stride-i18n.h"
#include "stride-paper.h"

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/**
 * stride_paper_from_string:
 * @name: "auto", "a4" or "letter"
 * @error: return location for a #GError
 *
 * Returns: the paper, or %STRIDE_PAPER_AUTOMATIC with @error set
 */
StridePaper
stride_paper_from_string (const char  *name,
                          GError     **error)
{
  g_return_val_if_fail (name != NULL, STRIDE_PAPER_AUTOMATIC);

  if (g_ascii_strcasecmp (name, "a4") == 0)
    return STRIDE_PAPER_A4;
  if (g_ascii_strcasecmp (name, "letter") == 0)
    return STRIDE_PAPER_LETTER;
  if (g_ascii_strcasecmp (name, "auto") == 0 || g_ascii_strcasecmp (name, "automatic") == 0)
    return STRIDE_PAPER_AUTOMATIC;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("Unknown paper size “%s”: use a4, letter or auto"), name);
  return STRIDE_PAPER_AUTOMATIC;
}

const char *
stride_paper_to_string (StridePaper paper)
{
  switch (paper)
    {
    case STRIDE_PAPER_A4:
      return "a4";
    case STRIDE_PAPER_LETTER:
      return "letter";
    case STRIDE_PAPER_AUTOMATIC:
    default:
      return "auto";
    }
}

/**
 * stride_paper_resolve:
 * @paper: a paper choice
 *
 * Turns %STRIDE_PAPER_AUTOMATIC into the paper of the LC_PAPER locale: US
 * Letter where the locale's paper is 216 mm wide (the Americas that use it),
 * A4 everywhere else.
 *
 * Returns: %STRIDE_PAPER_A4 or %STRIDE_PAPER_LETTER
 */
StridePaper
stride_paper_resolve (StridePaper paper)
{
  if (paper != STRIDE_PAPER_AUTOMATIC)
    return paper;

  /* _NL_PAPER_WIDTH is an enum constant, not a macro: test for glibc. */
#ifdef __GLIBC__
  {
    /* glibc returns the width in millimetres packed into the pointer value. */
    union { const char *string; unsigned int word; } width;

    width.string = nl_langinfo (_NL_PAPER_WIDTH);
    if (width.word == 216)
      return STRIDE_PAPER_LETTER;
  }
#endif

  return STRIDE_PAPER_A4;
}

/**
 * stride_paper_get_size:
 * @paper: a paper choice
 *
 * Returns: the page size in PostScript points, portrait
 */
StridePaperSize
stride_paper_get_size (StridePaper paper)
{
  StridePaperSize size;

  if (stride_paper_resolve (paper) == STRIDE_PAPER_LETTER)
    {
      size.width_pt = 612.0;
      size.height_pt = 792.0;
    }
  else
    {
      size.width_pt = MM_TO_PT (210.0);
      size.height_pt = MM_TO_PT (297.0);
    }

  return size;
}
