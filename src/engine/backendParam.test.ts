import { describe, expect, it } from "vitest";
import { describeWebGlRenderer, describeWebGpuAdapter, softwareName } from "./adapters";
import { parseBackendParam } from "./backendParam";

describe("parseBackendParam", () => {
  it.each([
    ["?backend=webgpu", "webgpu"],
    ["?backend=webgl", "webgl"],
    ["backend=wasm", "wasm"],
    ["?foo=1&backend=cpu&bar=2", "cpu"],
    ["?backend=WebGPU", "webgpu"],
    ["?backend=%20wasm%20", "wasm"],
  ])("%s → %s", (search, expected) => {
    expect(parseBackendParam(search)).toBe(expected);
  });

  it.each([
    "",
    "?",
    "?backend=",
    "?backend=auto",
    "?backend=cuda",
    "?backend=webgpu2",
    "?backend[]=webgpu",
    "?backend=%E0%A4%A",
    "?backend=<script>",
    "?other=webgpu",
    "#backend=webgpu",
  ])("%j → null (auto)", (search) => {
    expect(parseBackendParam(search)).toBeNull();
  });
});

describe("adapter descriptions", () => {
  it("recognises software rasterisers by name", () => {
    expect(
      softwareName("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)"),
    ).toBe("SwiftShader");
    expect(softwareName("llvmpipe (LLVM 15.0.6, 256 bits)")).toBe("llvmpipe");
    expect(softwareName("ANGLE (Intel, Intel(R) UHD Graphics 620, D3D11)")).toBeNull();
  });

  it("a SwiftShader WebGPU adapter is software", () => {
    expect(
      describeWebGpuAdapter({ vendor: "google", architecture: "swiftshader", isFallbackAdapter: true }),
    ).toEqual({
      adapter: "SwiftShader (software)",
      software: true,
    });
  });

  it("a fallback adapter is software even without a telling name, on info or on the adapter", () => {
    expect(describeWebGpuAdapter({ vendor: "acme", isFallbackAdapter: true }).software).toBe(true);
    expect(describeWebGpuAdapter({ vendor: "acme" }, true)).toEqual({
      adapter: "acme (software)",
      software: true,
    });
  });

  it("a hardware adapter is described by vendor and architecture", () => {
    expect(describeWebGpuAdapter({ vendor: "intel", architecture: "gen-12lp", description: "" })).toEqual({
      adapter: "intel gen-12lp",
      software: false,
    });
    expect(describeWebGpuAdapter({}).adapter).toBe("unknown adapter");
  });

  it("WebGL renderers", () => {
    expect(describeWebGlRenderer("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))")).toEqual({
      adapter: "SwiftShader (software)",
      software: true,
    });
    expect(describeWebGlRenderer("Mesa llvmpipe")).toEqual({
      adapter: "Mesa llvmpipe (software)",
      software: true,
    });
    expect(describeWebGlRenderer("Apple M2")).toEqual({ adapter: "Apple M2", software: false });
  });
});
