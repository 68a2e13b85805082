/** Neural-network modules, losses, optimisers and training on top of Cotangent's public API. */
package dev.cotangent.nn;
