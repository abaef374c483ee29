import { describe, expect, it } from "vitest";
import { checkStaffChange, StaffRuleError } from "./staff-rules.ts";

const staff = [
  { id: "ada", role: "admin" as const },
  { id: "hal", role: "handler" as const },
];

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof StaffRuleError) return { code: error.code, field: error.field };
    throw error;
  }
  return null;
};

describe("changes to the staff list", () => {
  it("allows an administrator to remove or change anyone else while another administrator remains", () => {
    const two = [...staff, { id: "dev", role: "admin" as const }];
    expect(refusal(() => checkStaffChange(two, { kind: "remove", userId: "dev" }, "ada"))).toBeNull();
    expect(
      refusal(() => checkStaffChange(two, { kind: "change-role", userId: "dev", role: "agent" }, "ada")),
    ).toBeNull();
    expect(refusal(() => checkStaffChange(staff, { kind: "remove", userId: "hal" }, "ada"))).toBeNull();
  });

  it("never lets the organisation lose its last administrator", () => {
    expect(refusal(() => checkStaffChange(staff, { kind: "remove", userId: "ada" }))).toEqual({
      code: "LAST_ADMIN",
      field: undefined,
    });
    expect(
      refusal(() => checkStaffChange(staff, { kind: "change-role", userId: "ada", role: "handler" })),
    ).toEqual({
      code: "LAST_ADMIN",
      field: "role",
    });
    // Keeping the last administrator an administrator is no change at all.
    expect(
      refusal(() => checkStaffChange(staff, { kind: "change-role", userId: "ada", role: "admin" })),
    ).toBeNull();
  });

  it("never lets someone remove themselves or change their own role", () => {
    const two = [...staff, { id: "dev", role: "admin" as const }];
    expect(refusal(() => checkStaffChange(two, { kind: "remove", userId: "ada" }, "ada"))?.code).toBe(
      "OWN_ACCOUNT",
    );
    expect(
      refusal(() => checkStaffChange(two, { kind: "change-role", userId: "ada", role: "agent" }, "ada"))
        ?.code,
    ).toBe("OWN_ACCOUNT");
  });
});
