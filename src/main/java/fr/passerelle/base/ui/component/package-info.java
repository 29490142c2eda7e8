/** Small UI building blocks every module's views use. */
@NullMarked
@NamedInterface("ui-components")
package fr.passerelle.base.ui.component;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
