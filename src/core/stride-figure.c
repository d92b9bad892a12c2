/* stride-figure.c: an exercise's illustration as data: parsing and the
 * forward kinematics of a pose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "stride-figure.h"
#include "stride-i18n.h"
#include "stride-i18n.h"
#include "stride-xml.h"

static const char *const point_names[STRIDE_N_POINTS] = {
  "pelvis", "neck", "head",
  "near-hip", "near-knee", "near-ankle", "near-heel", "near-toe",
  "near-shoulder", "near-elbow", "near-hand",
  "far-hip", "far-knee", "far-ankle", "far-heel", "far-toe",
  "far-shoulder", "far-elbow", "far-hand",
};

static const char *const prop_names[] = {
  "wall", "step", "box", "bench", "chair", "board", "band", "post", "ball", "dumbbell",
  "bike", "elliptical", "water", "mat", "line", "cone", "slider", "plate", "metronome",
};

G_STATIC_ASSERT (G_N_ELEMENTS (prop_names) == STRIDE_PROP_METRONOME + 1);

/* Far enough for any figure, near enough to catch a typing slip. */
#define MAX_COORD 100.0
#define MAX_ANGLE 360.0

const char *
stride_figure_point_to_string (StrideFigurePoint point)
{
  g_return_val_if_fail (point < STRIDE_N_POINTS, NULL);
  return point_names[point];
}

gboolean
stride_figure_point_from_string (const char        *text,
                                 StrideFigurePoint *out)
{
  for (guint i = 0; text != NULL && i < STRIDE_N_POINTS; i++)
    {
      if (strcmp (text, point_names[i]) == 0)
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

void
stride_figure_free (StrideFigure *figure)
{
  if (figure == NULL)
    return;

  g_ptr_array_unref (figure->poses);
  g_ptr_array_unref (figure->props);
  g_ptr_array_unref (figure->arrows);
  g_free (figure);
}

static const char *const pose_attributes[] = {
  "alternate", "anchor", "x", "y", "trunk", "head",
  "hip", "near-hip", "far-hip", "knee", "near-knee", "far-knee",
  "ankle", "near-ankle", "far-ankle", "shoulder", "near-shoulder", "far-shoulder",
  "elbow", "near-elbow", "far-elbow", NULL,
};

static const char *const prop_attributes[] = {
  "kind", "x", "y", "width", "height", "angle", "radius", "at", "from", "to", NULL,
};

/* The schema lets any attribute through on <pose> and <prop> (see
 * library.rng); the names are checked here. */
static gboolean
check_attributes (xmlNode            *node,
                  const char         *display_name,
                  const char *const  *allowed,
                  GError            **error)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (attr->ns != NULL || !g_strv_contains (allowed, (const char *) attr->name))
        {
          stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                                _("<%s>: unknown attribute “%s”"), (const char *) node->name,
                                (const char *) attr->name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_number (xmlNode    *node,
              const char *display_name,
              const char *attr,
              double      min,
              double      max,
              double     *inout,
              GError    **error)
{
  g_autofree char *text = stride_xml_get_prop (node, attr);
  char *end = NULL;
  double value;

  if (text == NULL)
    return TRUE;   /* keeps the default */

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value) || value < min || value > max)
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("<%s> %s=\"%s\": expected a number from %g to %g"),
                            (const char *) node->name, attr, text, min, max);
      return FALSE;
    }

  *inout = value;
  return TRUE;
}

/* "near-knee", "alt:far-hand" or "x y". */
static gboolean
parse_ref (xmlNode         *node,
           const char      *display_name,
           const char      *attr,
           gboolean         required,
           StrideFigureRef *out,
           GError         **error)
{
  g_autofree char *text = stride_xml_get_prop (node, attr);
  const char *name;

  memset (out, 0, sizeof *out);
  if (text == NULL)
    {
      if (!required)
        return TRUE;
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("<%s>: missing %s"), (const char *) node->name, attr);
      return FALSE;
    }

  name = text;
  if (g_str_has_prefix (name, "alt:"))
    {
      out->alternate = TRUE;
      name += 4;
    }

  if (stride_figure_point_from_string (name, &out->point))
    out->is_point = TRUE;
  else if (!out->alternate)
    {
      g_auto(GStrv) parts = g_strsplit (text, " ", -1);
      char *end1 = NULL, *end2 = NULL;

      if (g_strv_length (parts) == 2)
        {
          out->x = g_ascii_strtod (parts[0], &end1);
          out->y = g_ascii_strtod (parts[1], &end2);
        }
      if (end1 == NULL || end2 == NULL || *end1 != '\0' || *end2 != '\0'
          || end1 == parts[0] || end2 == parts[1]
          || fabs (out->x) > MAX_COORD || fabs (out->y) > MAX_COORD)
        goto bad;
    }
  else
    goto bad;

  return TRUE;

bad:
  stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                        _("<%s> %s=\"%s\": expected a body point such as near-knee or "
                          "alt:near-knee, or two numbers \"x y\""),
                        (const char *) node->name, attr, text);
  return FALSE;
}

static gboolean
parse_limb_angle (xmlNode    *node,
                  const char *display_name,
                  const char *joint,
                  double      pair[2],
                  GError    **error)
{
  g_autofree char *near_attr = g_strconcat ("near-", joint, NULL);
  g_autofree char *far_attr = g_strconcat ("far-", joint, NULL);
  double both = 0;

  if (!parse_number (node, display_name, joint, -MAX_ANGLE, MAX_ANGLE, &both, error))
    return FALSE;
  pair[STRIDE_LIMB_NEAR] = pair[STRIDE_LIMB_FAR] = both;
  return parse_number (node, display_name, near_attr, -MAX_ANGLE, MAX_ANGLE,
                       &pair[STRIDE_LIMB_NEAR], error)
         && parse_number (node, display_name, far_attr, -MAX_ANGLE, MAX_ANGLE,
                          &pair[STRIDE_LIMB_FAR], error);
}

static StrideFigurePose *
parse_pose (xmlNode    *node,
            const char *display_name,
            GError    **error)
{
  g_autofree StrideFigurePose *pose = g_new0 (StrideFigurePose, 1);
  g_autofree char *alternate = stride_xml_get_prop (node, "alternate");
  g_autofree char *anchor = stride_xml_get_prop (node, "anchor");

  if (!check_attributes (node, display_name, pose_attributes, error))
    return NULL;
  if (alternate != NULL && g_strcmp0 (alternate, "yes") != 0 && g_strcmp0 (alternate, "no") != 0)
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("<pose> alternate=\"%s\": expected yes or no"), alternate);
      return NULL;
    }
  pose->alternate = g_strcmp0 (alternate, "yes") == 0;
  pose->anchor = STRIDE_POINT_PELVIS;
  if (anchor != NULL && !stride_figure_point_from_string (anchor, &pose->anchor))
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("<pose> anchor=\"%s\": not a body point"), anchor);
      return NULL;
    }

  if (!parse_number (node, display_name, "x", -MAX_COORD, MAX_COORD, &pose->x, error)
      || !parse_number (node, display_name, "y", -MAX_COORD, MAX_COORD, &pose->y, error)
      || !parse_number (node, display_name, "trunk", -MAX_ANGLE, MAX_ANGLE, &pose->trunk, error)
      || !parse_number (node, display_name, "head", -MAX_ANGLE, MAX_ANGLE, &pose->head, error)
      || !parse_limb_angle (node, display_name, "hip", pose->hip, error)
      || !parse_limb_angle (node, display_name, "knee", pose->knee, error)
      || !parse_limb_angle (node, display_name, "ankle", pose->ankle, error)
      || !parse_limb_angle (node, display_name, "shoulder", pose->shoulder, error)
      || !parse_limb_angle (node, display_name, "elbow", pose->elbow, error))
    return NULL;

  return g_steal_pointer (&pose);
}

static StrideFigureProp *
parse_prop (xmlNode    *node,
            const char *display_name,
            GError    **error)
{
  g_autofree StrideFigureProp *prop = g_new0 (StrideFigureProp, 1);
  g_autofree char *kind = stride_xml_get_prop (node, "kind");
  gboolean found = FALSE;

  if (!check_attributes (node, display_name, prop_attributes, error))
    return NULL;

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (prop_names); i++)
    {
      if (strcmp (kind, prop_names[i]) == 0)
        {
          prop->kind = i;
          found = TRUE;
        }
    }
  if (!found)
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("<prop> kind=\"%s\": not a known prop"), kind ? kind : "");
      return NULL;
    }

  prop->radius = 1.0;
  if (!parse_number (node, display_name, "x", -MAX_COORD, MAX_COORD, &prop->x, error)
      || !parse_number (node, display_name, "y", -MAX_COORD, MAX_COORD, &prop->y, error)
      || !parse_number (node, display_name, "width", -MAX_COORD, MAX_COORD, &prop->width, error)
      || !parse_number (node, display_name, "height", 0, MAX_COORD, &prop->height, error)
      || !parse_number (node, display_name, "angle", -MAX_ANGLE, MAX_ANGLE, &prop->angle, error)
      || !parse_number (node, display_name, "radius", 0.1, MAX_COORD, &prop->radius, error)
      || !parse_ref (node, display_name, "at", prop->kind == STRIDE_PROP_DUMBBELL
                                                || prop->kind == STRIDE_PROP_SLIDER,
                     &prop->at, error)
      || !parse_ref (node, display_name, "from", prop->kind == STRIDE_PROP_BAND
                                                  || prop->kind == STRIDE_PROP_PLATE,
                     &prop->from, error)
      || !parse_ref (node, display_name, "to", prop->kind == STRIDE_PROP_BAND
                                                || prop->kind == STRIDE_PROP_PLATE,
                     &prop->to, error))
    return NULL;

  return g_steal_pointer (&prop);
}

static StrideFigureArrow *
parse_arrow (xmlNode    *node,
             const char *display_name,
             GError    **error)
{
  g_autofree StrideFigureArrow *arrow = g_new0 (StrideFigureArrow, 1);
  g_autofree char *heads = stride_xml_get_prop (node, "heads");
  double dx = 0, dy = 0;

  if (!parse_ref (node, display_name, "from", TRUE, &arrow->from, error)
      || !parse_ref (node, display_name, "to", TRUE, &arrow->to, error)
      || !parse_number (node, display_name, "bend", -2, 2, &arrow->bend, error)
      || !parse_number (node, display_name, "dx", -MAX_COORD, MAX_COORD, &dx, error)
      || !parse_number (node, display_name, "dy", -MAX_COORD, MAX_COORD, &dy, error))
    return NULL;

  /* dx/dy move the whole arrow off the limb it follows. */
  arrow->from.dx = arrow->to.dx = dx;
  arrow->from.dy = arrow->to.dy = dy;
  if (!arrow->from.is_point)
    {
      arrow->from.x += dx;
      arrow->from.y += dy;
    }
  if (!arrow->to.is_point)
    {
      arrow->to.x += dx;
      arrow->to.y += dy;
    }
  arrow->both_heads = g_strcmp0 (heads, "both") == 0;
  return g_steal_pointer (&arrow);
}

/**
 * stride_figure_new_from_xml:
 * @node: a `<figure>` element of the exercise library
 * @display_name: the file name for error messages
 * @error: return location for a %STRIDE_XML_ERROR_INVALID error
 *
 * Parses an illustration. The schema has checked the structure; this checks
 * the numbers, the point names and that there is exactly one key pose and at
 * most one alternate pose.
 *
 * Returns: (transfer full) (nullable): the figure, or %NULL with @error set
 */
StrideFigure *
stride_figure_new_from_xml (xmlNode     *node,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(StrideFigure) figure = NULL;
  g_autofree char *view = NULL;
  g_autofree char *floor_attr = NULL;
  guint n_key = 0, n_alt = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  figure = g_new0 (StrideFigure, 1);
  figure->poses = g_ptr_array_new_with_free_func (g_free);
  figure->props = g_ptr_array_new_with_free_func (g_free);
  figure->arrows = g_ptr_array_new_with_free_func (g_free);

  view = stride_xml_get_prop (node, "view");
  figure->view = g_strcmp0 (view, "front") == 0 ? STRIDE_FIGURE_VIEW_FRONT
                                                : STRIDE_FIGURE_VIEW_SIDE;
  floor_attr = stride_xml_get_prop (node, "floor");
  figure->floor = g_strcmp0 (floor_attr, "no") != 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrEqual (child->name, (const xmlChar *) "pose"))
        {
          StrideFigurePose *pose = parse_pose (child, display_name, error);

          if (pose == NULL)
            return NULL;
          if (pose->alternate)
            n_alt++;
          else
            n_key++;
          if (n_key > 1 || n_alt > 1)
            {
              g_free (pose);
              stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, child,
                                    _("<figure>: at most one key pose and one alternate "
                                      "pose (alternate=\"yes\")"));
              return NULL;
            }
          /* The key pose always comes first. */
          if (pose->alternate)
            g_ptr_array_add (figure->poses, pose);
          else
            g_ptr_array_insert (figure->poses, 0, pose);
        }
      else if (xmlStrEqual (child->name, (const xmlChar *) "prop"))
        {
          StrideFigureProp *prop = parse_prop (child, display_name, error);

          if (prop == NULL)
            return NULL;
          g_ptr_array_add (figure->props, prop);
        }
      else if (xmlStrEqual (child->name, (const xmlChar *) "arrow"))
        {
          StrideFigureArrow *arrow = parse_arrow (child, display_name, error);

          if (arrow == NULL)
            return NULL;
          g_ptr_array_add (figure->arrows, arrow);
        }
    }

  if (n_key != 1)
    {
      stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                            _("<figure>: needs one key pose (a <pose> without "
                              "alternate=\"yes\")"));
      return NULL;
    }

  /* A reference to the alternate pose needs one. */
  for (guint i = 0; i < figure->arrows->len; i++)
    {
      StrideFigureArrow *arrow = g_ptr_array_index (figure->arrows, i);

      if ((arrow->from.alternate || arrow->to.alternate) && n_alt == 0)
        {
          stride_xml_set_error (error, STRIDE_XML_ERROR_INVALID, display_name, node,
                                _("<figure>: an arrow names alt: but there is no "
                                  "alternate pose"));
          return NULL;
        }
    }

  return g_steal_pointer (&figure);
}

const StrideFigurePose *
stride_figure_get_key_pose (const StrideFigure *figure)
{
  g_return_val_if_fail (figure != NULL && figure->poses->len > 0, NULL);
  return g_ptr_array_index (figure->poses, 0);
}

const StrideFigurePose *
stride_figure_get_alternate_pose (const StrideFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);
  if (figure->poses->len < 2)
    return NULL;
  return g_ptr_array_index (figure->poses, 1);
}

static void
step (double  x,
      double  y,
      double  angle,
      double  length,
      double *out_x,
      double *out_y)
{
  double rad = angle * G_PI / 180.0;

  *out_x = x + length * sin (rad);
  *out_y = y + length * cos (rad);
}

/**
 * stride_figure_pose_compute:
 * @figure: the figure (for its view)
 * @pose: one of its poses
 * @out: (out caller-allocates): every body point, with the pose's anchor
 *   point placed where the pose says
 *
 * Forward kinematics from the pelvis through the joint angles.
 */
void
stride_figure_pose_compute (const StrideFigure     *figure,
                            const StrideFigurePose *pose,
                            StrideFigureSkeleton   *out)
{
  gboolean front;
  double t, dx, dy;
  double *X, *Y;

  g_return_if_fail (figure != NULL && pose != NULL && out != NULL);

  front = figure->view == STRIDE_FIGURE_VIEW_FRONT;
  X = out->x;
  Y = out->y;
  t = pose->trunk;
  out->trunk_dir = t;

  X[STRIDE_POINT_PELVIS] = 0;
  Y[STRIDE_POINT_PELVIS] = 0;
  step (0, 0, t, STRIDE_FIGURE_TRUNK, &X[STRIDE_POINT_NECK], &Y[STRIDE_POINT_NECK]);
  step (X[STRIDE_POINT_NECK], Y[STRIDE_POINT_NECK], t + pose->head,
        STRIDE_FIGURE_NECK + STRIDE_FIGURE_HEAD_R,
        &X[STRIDE_POINT_HEAD], &Y[STRIDE_POINT_HEAD]);

  for (int limb = STRIDE_LIMB_NEAR; limb <= STRIDE_LIMB_FAR; limb++)
    {
      /* The far limbs mirror the near ones in the front view. */
      double m = (front && limb == STRIDE_LIMB_FAR) ? -1.0 : 1.0;
      int base = limb == STRIDE_LIMB_NEAR ? STRIDE_POINT_NEAR_HIP : STRIDE_POINT_FAR_HIP;
      int hip = base, knee = base + 1, ankle = base + 2, heel = base + 3, toe = base + 4;
      int shoulder = base + 5, elbow = base + 6, hand = base + 7;
      double sx, sy, a_thigh, a_shank, a_foot, a_upper, a_fore;

      if (front)
        {
          step (0, 0, t + 90 * m, 0.75, &X[hip], &Y[hip]);
          step (0, 0, t, STRIDE_FIGURE_TRUNK - 0.35, &sx, &sy);
          step (sx, sy, t + 90 * m, 1.25, &X[shoulder], &Y[shoulder]);
        }
      else
        {
          X[hip] = 0;
          Y[hip] = 0;
          step (0, 0, t, STRIDE_FIGURE_TRUNK - 0.35, &X[shoulder], &Y[shoulder]);
        }

      a_thigh = t + 180 - m * pose->hip[limb];
      step (X[hip], Y[hip], a_thigh, STRIDE_FIGURE_THIGH, &X[knee], &Y[knee]);
      a_shank = a_thigh + m * pose->knee[limb];
      step (X[knee], Y[knee], a_shank, STRIDE_FIGURE_SHANK, &X[ankle], &Y[ankle]);
      a_foot = a_shank - m * 90 - m * pose->ankle[limb];
      if (front)
        {
          step (X[ankle], Y[ankle], a_shank, 0.45, &X[heel], &Y[heel]);
          step (X[heel], Y[heel], a_foot, 0.7, &X[toe], &Y[toe]);
        }
      else
        {
          step (X[ankle], Y[ankle], a_foot + 110, 0.55, &X[heel], &Y[heel]);
          step (X[ankle], Y[ankle], a_foot + 16, 1.9, &X[toe], &Y[toe]);
        }

      a_upper = t + 180 - m * pose->shoulder[limb];
      step (X[shoulder], Y[shoulder], a_upper, STRIDE_FIGURE_UPPER_ARM, &X[elbow], &Y[elbow]);
      a_fore = a_upper - m * pose->elbow[limb];
      step (X[elbow], Y[elbow], a_fore, STRIDE_FIGURE_FOREARM, &X[hand], &Y[hand]);
    }

  dx = pose->x - X[pose->anchor];
  dy = pose->y - Y[pose->anchor];
  for (int i = 0; i < STRIDE_N_POINTS; i++)
    {
      X[i] += dx;
      Y[i] += dy;
    }
}

/**
 * stride_figure_resolve:
 * @figure: the figure
 * @ref: a point reference of one of its props or arrows
 * @out_x: (out): x in figure units
 * @out_y: (out): y in figure units
 *
 * Returns: %FALSE when @ref names the alternate pose and there is none
 */
gboolean
stride_figure_resolve (const StrideFigure    *figure,
                       const StrideFigureRef *ref,
                       double                *out_x,
                       double                *out_y)
{
  const StrideFigurePose *pose;
  StrideFigureSkeleton skeleton;

  g_return_val_if_fail (figure != NULL && ref != NULL, FALSE);

  if (!ref->is_point)
    {
      *out_x = ref->x;
      *out_y = ref->y;
      return TRUE;
    }

  pose = ref->alternate ? stride_figure_get_alternate_pose (figure)
                        : stride_figure_get_key_pose (figure);
  if (pose == NULL)
    return FALSE;

  stride_figure_pose_compute (figure, pose, &skeleton);
  *out_x = skeleton.x[ref->point] + ref->dx;
  *out_y = skeleton.y[ref->point] + ref->dy;
  return TRUE;
}
