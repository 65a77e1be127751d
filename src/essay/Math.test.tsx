import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TeX } from "./Math";

describe("TeX", () => {
  it("typesets inline maths as a span with HTML and MathML", () => {
    const { container } = render(<TeX tex="QK^\top" />);
    const wrapper = container.firstElementChild as HTMLElement;
    expect(wrapper.tagName).toBe("SPAN");
    expect(wrapper.querySelector(".katex-html")?.getAttribute("aria-hidden")).toBe("true");
    expect(wrapper.querySelector(".katex-mathml math annotation")?.textContent).toBe("QK^\\top");
    expect(wrapper.querySelector(".katex-display")).toBeNull();
  });

  it("typesets display maths as a block", () => {
    const { container } = render(<TeX display tex="\sqrt{d_k}" />);
    const wrapper = container.firstElementChild as HTMLElement;
    expect(wrapper.tagName).toBe("DIV");
    expect(wrapper.querySelector(".katex-display .katex")).not.toBeNull();
  });

  it("shows malformed TeX as an error mark instead of throwing", () => {
    const { container } = render(<TeX tex="\frac{1}{" />);
    expect(container.querySelector(".katex-error")).not.toBeNull();
  });

  it("keeps trailing punctuation on the same line as inline maths", () => {
    const { container } = render(<TeX tex="K^\top" after="," />);
    const wrapper = container.firstElementChild as HTMLElement;
    expect(wrapper.className).toBe("math-nowrap");
    expect(wrapper.lastChild?.textContent).toBe(",");
    expect(wrapper.querySelector(".math .katex")).not.toBeNull();
  });
});
