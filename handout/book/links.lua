-- pandoc filter for the HTML book (tools/handout.sh): a link to another
-- chapter, "lab1-boot.md#x", becomes "lab1-boot.html#x"; README.md, the
-- contents, becomes index.html.
function Link(el)
  local t = el.target
  if t:match("^%a[%w+.-]*:") then
    return el -- http:, mailto: ...
  end
  local file, frag = t:match("^([^#]*)(#?.*)$")
  if file:match("%.md$") then
    local base = file:gsub("%.md$", "")
    if base == "README" or base:match("/README$") then
      base = base:gsub("README$", "index")
    end
    el.target = base .. ".html" .. frag
  end
  return el
end
