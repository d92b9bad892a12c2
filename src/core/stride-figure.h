/* stride-figure.h: an exercise's illustration as data
 *
 * A figure is one or two key poses of a stick figure, given as joint angles,
 * plus props (floor, wall, step, box, band…) and motion arrows. The report
 * layer draws it (stride-figure-renderer.h); the core only parses it and works
 * out where each body point is.
 *
 * Coordinates are in figure units, about 10 cm each (a standing figure is
 * about 17.5 units tall), x forwards (the way the figure faces in the side
 * view), y up, the floor at y = 0.
 *
 * Angles are in degrees. A segment's direction is measured from straight up,
 * positive towards the front (+x): 0 up, 90 forwards, 180 down, -90 backwards.
 *   trunk     direction from pelvis to neck (0 upright, positive leaning forwards)
 *   head      nod, relative to the trunk
 *   hip       flexion (side view) or abduction (front view), relative to the trunk
 *   knee      flexion
 *   ankle     dorsiflexion (negative: pointing the toes, as on tiptoe)
 *   shoulder  flexion (side) or abduction (front), relative to the trunk
 *   elbow     flexion
 * "near" limbs face the viewer and are drawn solid; "far" limbs are drawn
 * lighter behind (side view) or mirrored on the other side (front view).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

typedef enum
{
  STRIDE_FIGURE_VIEW_SIDE,
  STRIDE_FIGURE_VIEW_FRONT,
} StrideFigureView;

typedef enum
{
  STRIDE_LIMB_NEAR,
  STRIDE_LIMB_FAR,
} StrideLimb;

/* The named points of a computed pose; "near-knee", "far-hand", "pelvis"… */
typedef enum
{
  STRIDE_POINT_PELVIS,
  STRIDE_POINT_NECK,
  STRIDE_POINT_HEAD,          /* the centre of the head */
  STRIDE_POINT_NEAR_HIP,
  STRIDE_POINT_NEAR_KNEE,
  STRIDE_POINT_NEAR_ANKLE,
  STRIDE_POINT_NEAR_HEEL,
  STRIDE_POINT_NEAR_TOE,
  STRIDE_POINT_NEAR_SHOULDER,
  STRIDE_POINT_NEAR_ELBOW,
  STRIDE_POINT_NEAR_HAND,
  STRIDE_POINT_FAR_HIP,
  STRIDE_POINT_FAR_KNEE,
  STRIDE_POINT_FAR_ANKLE,
  STRIDE_POINT_FAR_HEEL,
  STRIDE_POINT_FAR_TOE,
  STRIDE_POINT_FAR_SHOULDER,
  STRIDE_POINT_FAR_ELBOW,
  STRIDE_POINT_FAR_HAND,
  STRIDE_N_POINTS,
} StrideFigurePoint;

/* Body proportions, in figure units. */
#define STRIDE_FIGURE_TRUNK      5.4
#define STRIDE_FIGURE_NECK       0.5
#define STRIDE_FIGURE_HEAD_R     1.05
#define STRIDE_FIGURE_THIGH      4.4
#define STRIDE_FIGURE_SHANK      4.3
#define STRIDE_FIGURE_UPPER_ARM  3.0
#define STRIDE_FIGURE_FOREARM    2.9
#define STRIDE_FIGURE_LIMB_WIDTH 0.85   /* the drawn thickness of a limb */

typedef struct
{
  gboolean  alternate;       /* the start or other end of the movement, drawn lighter */
  StrideFigurePoint anchor;  /* this point is placed at (x, y) */
  double    x, y;
  double    trunk, head;
  double    hip[2], knee[2], ankle[2], shoulder[2], elbow[2];   /* by StrideLimb */
} StrideFigurePose;

typedef enum
{
  STRIDE_PROP_WALL,        /* x: the wall's face; height; faces +x unless width < 0 */
  STRIDE_PROP_STEP,        /* x, width, height: a block on the floor */
  STRIDE_PROP_BOX,         /* the same, drawn as a plyometric box */
  STRIDE_PROP_BENCH,       /* x, width, height: a padded top on legs */
  STRIDE_PROP_CHAIR,       /* x (seat front), width (seat depth), height; back at x - width */
  STRIDE_PROP_BOARD,       /* x, width, angle: a wedge, high end at x (the back) */
  STRIDE_PROP_BAND,        /* from, to: an elastic band between two points */
  STRIDE_PROP_POST,        /* x, height: a pole or door frame the band is tied to */
  STRIDE_PROP_BALL,        /* at (or x, y), radius */
  STRIDE_PROP_DUMBBELL,    /* at: a weight held at a point */
  STRIDE_PROP_BIKE,        /* x, y: the saddle; a stationary bike drawn around it */
  STRIDE_PROP_ELLIPTICAL,  /* x: the machine's upright; y: the foot plates */
  STRIDE_PROP_WATER,       /* height: the water line of a pool */
  STRIDE_PROP_MAT,         /* x, width: a thin mat on the floor */
  STRIDE_PROP_LINE,        /* x: a line on the floor to hop over */
  STRIDE_PROP_CONE,        /* x: a marker cone */
  STRIDE_PROP_SLIDER,      /* at: a sliding disc under a heel */
  STRIDE_PROP_PLATE,       /* from, to: a machine's foot plate or back rest */
  STRIDE_PROP_METRONOME,   /* x, y: a metronome (step rate) */
} StrideFigurePropKind;

/* A position given as a named body point ("near-hand", "alt:near-knee" for the
 * alternate pose) or as coordinates. */
typedef struct
{
  gboolean          is_point;
  gboolean          alternate;
  StrideFigurePoint point;
  double            x, y;
  double            dx, dy;    /* an offset added to a body point */
} StrideFigureRef;

typedef struct
{
  StrideFigurePropKind kind;
  double               x, y, width, height, angle, radius;
  StrideFigureRef      at, from, to;
} StrideFigureProp;

typedef struct
{
  StrideFigureRef from, to;
  double          bend;        /* sideways bulge as a fraction of the length; 0 straight */
  gboolean        both_heads;  /* a to-and-fro movement */
} StrideFigureArrow;

typedef struct _StrideFigure StrideFigure;

struct _StrideFigure
{
  StrideFigureView  view;
  gboolean          floor;     /* draw the floor line (default yes) */
  GPtrArray        *poses;     /* StrideFigurePose: the key pose first */
  GPtrArray        *props;     /* StrideFigureProp, drawn behind the body in order */
  GPtrArray        *arrows;    /* StrideFigureArrow */
};

typedef struct
{
  double x[STRIDE_N_POINTS];
  double y[STRIDE_N_POINTS];
  double trunk_dir;             /* the absolute trunk direction, for the face */
} StrideFigureSkeleton;

StrideFigure *stride_figure_new_from_xml (xmlNode             *node,
                                          const char          *display_name,
                                          GError             **error);
void          stride_figure_free         (StrideFigure        *figure);
const StrideFigurePose *stride_figure_get_key_pose (const StrideFigure *figure);
const StrideFigurePose *stride_figure_get_alternate_pose (const StrideFigure *figure);
void          stride_figure_pose_compute (const StrideFigure     *figure,
                                          const StrideFigurePose *pose,
                                          StrideFigureSkeleton   *out);
gboolean      stride_figure_resolve      (const StrideFigure     *figure,
                                          const StrideFigureRef  *ref,
                                          double                 *out_x,
                                          double                 *out_y);
const char   *stride_figure_point_to_string (StrideFigurePoint point);
gboolean      stride_figure_point_from_string (const char       *text,
                                               StrideFigurePoint *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideFigure, stride_figure_free)

G_END_DECLS
