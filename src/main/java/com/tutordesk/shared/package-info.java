/**
 * Shared kernel: value types and exceptions every module may use (money in minor units, the
 * business clock, "not found" and rule-violation exceptions). It holds no business state of its
 * own and depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.tutordesk.shared;
