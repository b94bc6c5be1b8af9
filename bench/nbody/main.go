// Nbody measures float64 arithmetic and struct field access: the classic
// benchmarks-game n-body simulation of the Jovian planets (5 bodies).
// There are no imports, so sqrt is computed here by range reduction and
// Newton's method. Products that feed an addition are wrapped in float64()
// conversions, which the spec says forbid fused multiply-add, so the result
// is the same on every architecture and under gort.
package main

const (
	steps       = 1_000_000
	solarMass   = 4 * pi * pi
	daysPerYear = 365.24
	pi          = 3.141592653589793
	dt          = 0.01
)

type body struct {
	x, y, z, vx, vy, vz, mass float64
}

// sqrt returns the square root of x >= 0, accurate to about an ulp.
func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	s := 1.0
	for x >= 4 {
		x *= 0.25
		s *= 2
	}
	for x < 1 {
		x *= 4
		s *= 0.5
	}
	// x in [1, 4): start from the arithmetic mean, which overestimates
	// sqrt(x) by at most 25%; five Newton steps reach full precision.
	g := 0.5 + float64(0.5*x)
	for i := 0; i < 5; i++ {
		g = 0.5 * (g + x/g)
	}
	return g * s
}

func offsetMomentum(bodies []body) {
	var px, py, pz float64
	for i := range bodies {
		b := &bodies[i]
		px += float64(b.vx * b.mass)
		py += float64(b.vy * b.mass)
		pz += float64(b.vz * b.mass)
	}
	bodies[0].vx = -px / solarMass
	bodies[0].vy = -py / solarMass
	bodies[0].vz = -pz / solarMass
}

func energy(bodies []body) float64 {
	var e float64
	for i := range bodies {
		b := &bodies[i]
		e += float64(0.5 * b.mass * (float64(b.vx*b.vx) + float64(b.vy*b.vy) + float64(b.vz*b.vz)))
		for j := i + 1; j < len(bodies); j++ {
			b2 := &bodies[j]
			dx := b.x - b2.x
			dy := b.y - b2.y
			dz := b.z - b2.z
			e -= (b.mass * b2.mass) / sqrt(float64(dx*dx)+float64(dy*dy)+float64(dz*dz))
		}
	}
	return e
}

func advance(bodies []body) {
	for i := range bodies {
		b := &bodies[i]
		for j := i + 1; j < len(bodies); j++ {
			b2 := &bodies[j]
			dx := b.x - b2.x
			dy := b.y - b2.y
			dz := b.z - b2.z
			d2 := float64(dx*dx) + float64(dy*dy) + float64(dz*dz)
			mag := dt / (d2 * sqrt(d2))
			b.vx -= float64(dx * b2.mass * mag)
			b.vy -= float64(dy * b2.mass * mag)
			b.vz -= float64(dz * b2.mass * mag)
			b2.vx += float64(dx * b.mass * mag)
			b2.vy += float64(dy * b.mass * mag)
			b2.vz += float64(dz * b.mass * mag)
		}
	}
	for i := range bodies {
		b := &bodies[i]
		b.x += float64(dt * b.vx)
		b.y += float64(dt * b.vy)
		b.z += float64(dt * b.vz)
	}
}

func main() {
	bodies := []body{
		{ // sun
			mass: solarMass,
		},
		{ // jupiter
			x:    4.84143144246472090e+00,
			y:    -1.16032004402742839e+00,
			z:    -1.03622044471123109e-01,
			vx:   1.66007664274403694e-03 * daysPerYear,
			vy:   7.69901118419740425e-03 * daysPerYear,
			vz:   -6.90460016972063023e-05 * daysPerYear,
			mass: 9.54791938424326609e-04 * solarMass,
		},
		{ // saturn
			x:    8.34336671824457987e+00,
			y:    4.12479856412430479e+00,
			z:    -4.03523417114321381e-01,
			vx:   -2.76742510726862411e-03 * daysPerYear,
			vy:   4.99852801234917238e-03 * daysPerYear,
			vz:   2.30417297573763929e-05 * daysPerYear,
			mass: 2.85885980666130812e-04 * solarMass,
		},
		{ // uranus
			x:    1.28943695621391310e+01,
			y:    -1.51111514016986312e+01,
			z:    -2.23307578892655734e-01,
			vx:   2.96460137564761618e-03 * daysPerYear,
			vy:   2.37847173959480950e-03 * daysPerYear,
			vz:   -2.96589568540237556e-05 * daysPerYear,
			mass: 4.36624404335156298e-05 * solarMass,
		},
		{ // neptune
			x:    1.53796971148509165e+01,
			y:    -2.59193146099879641e+01,
			z:    1.79258772950371181e-01,
			vx:   2.68067772490389322e-03 * daysPerYear,
			vy:   1.62824170038242295e-03 * daysPerYear,
			vz:   -9.51592254519715870e-05 * daysPerYear,
			mass: 5.15138902046611451e-05 * solarMass,
		},
	}
	offsetMomentum(bodies)
	e0 := energy(bodies)
	for i := 0; i < steps; i++ {
		advance(bodies)
	}
	println(e0, energy(bodies))
}
