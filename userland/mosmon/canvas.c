// SPDX-License-Identifier: GPL-2.0-only
/*
 * The canvas a frame is drawn on: characters and their attributes. Drawing
 * outside it is clipped, so the renderer never has to check its bounds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mosmon.h"

int canvas_init(struct canvas *cv, int width, int height)
{
	size_t cells = (size_t)width * (size_t)height;

	cv->width = width;
	cv->height = height;
	cv->text = malloc(cells ? cells : 1);
	cv->attr = malloc(cells ? cells : 1);
	if (!cv->text || !cv->attr) {
		canvas_free(cv);
		return -1;
	}
	canvas_clear(cv);
	return 0;
}

void canvas_free(struct canvas *cv)
{
	free(cv->text);
	free(cv->attr);
	cv->text = NULL;
	cv->attr = NULL;
}

void canvas_clear(struct canvas *cv)
{
	size_t cells = (size_t)cv->width * (size_t)cv->height;

	memset(cv->text, ' ', cells);
	memset(cv->attr, ATTR_NONE, cells);
}

void canvas_put(struct canvas *cv, int x, int y, char ch, enum attr a)
{
	size_t i;

	if (x < 0 || y < 0 || x >= cv->width || y >= cv->height)
		return;
	i = (size_t)y * (size_t)cv->width + (size_t)x;
	cv->text[i] = ch;
	cv->attr[i] = a;
}

void canvas_text(struct canvas *cv, int x, int y, const char *s, enum attr a)
{
	for (; *s; s++, x++)
		canvas_put(cv, x, y, *s, a);
}

/* Plain text: each row without its trailing blanks. */
int canvas_print(const struct canvas *cv)
{
	const char *row;
	int y, len;

	for (y = 0; y < cv->height; y++) {
		row = cv->text + (size_t)y * (size_t)cv->width;
		for (len = cv->width; len > 0 && row[len - 1] == ' '; len--)
			;
		printf("%.*s\n", len, row);
	}
	return fflush(stdout) == EOF || ferror(stdout) ? -1 : 0;
}
