package org.dmpgateway.fhir.patch;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.parser.IParser;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * FHIRPath Patch (a {@code Parameters} resource, FHIR R4 "fhirpatch", the format of the PDSm PATCH
 * and of the MHD ITI-65 replacement entry) on a DocumentReference: operations {@code add},
 * {@code insert}, {@code delete}, {@code replace} and {@code move}, their paths evaluated with HAPI's
 * FHIRPath engine on the resource. Every path must name a patchable element
 * ({@link PatchableElements}: otherwise 405). A malformed operation, a {@code replace} whose path
 * designates no element or several, is METADATA_UPDATE_ERROR (422).
 */
public final class FhirPathPatchApplier {
    private static final FhirContext CONTEXT = FhirContext.forR4Cached();
    private static final IParser JSON = CONTEXT.newJsonParser();
    /**
     * The FHIRPath engine's own context, whose validation support has no StructureDefinitions to
     * load: by default HAPI's looks for them in hapi-fhir-validation-resources-r4, which this server
     * does not ship (the paths of a patch are evaluated on the resource's own elements), and logged
     * four warnings at the first FHIRPath Patch, one per bundle it could not find.
     */
    private static final FhirContext PATH_CONTEXT = pathContext();

    private FhirPathPatchApplier() {
    }

    public static PatchedDocument apply(DocumentReference resource, Parameters patch) {
        List<Operation> operations = new ArrayList<>();
        for (ParametersParameterComponent p : patch.getParameter()) {
            if (!"operation".equals(p.getName())) {
                throw invalid("Parameters.parameter " + p.getName() + ": a FHIRPath Patch has only 'operation' parameters");
            }
            Operation op = Operation.of(p);
            if (op.type.equals("add")) {
                PatchableElements.requireChildName(op.path, op.name);
            } else {
                PatchableElements.requireFhirPath(op.path);
            }
            operations.add(op);
        }
        String json = JSON.encodeResourceToString(resource);
        DocumentReference before = JSON.parseResource(DocumentReference.class, json);
        DocumentReference after = JSON.parseResource(DocumentReference.class, json);
        IFhirPath engine = PATH_CONTEXT.newFhirPath();
        for (Operation op : operations) {
            try {
                op.applyTo(after, engine);
            } catch (FHIRException | IllegalArgumentException | ClassCastException e) {
                throw invalid("operation " + op.type + " at " + op.path + ": " + e.getMessage());
            }
        }
        PatchedDocument result = new PatchedDocument(before, after);
        PatchableElements.requireOnlyPatchableChanges(result,
                String.join(", ", operations.stream().map(o -> o.path + (o.name == null ? "" : "." + o.name)).toList()));
        return result;
    }

    private static FhirContext pathContext() {
        FhirContext context = FhirContext.forR4();
        context.setValidationSupport(new IValidationSupport() {
            @Override
            public FhirContext getFhirContext() {
                return context;
            }

            @Override
            public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
                return new ArrayList<>();
            }

            @Override
            public List<IBaseResource> fetchAllConformanceResources() {
                return new ArrayList<>();
            }

            @Override
            public String getName() {
                return "DMP Gateway FHIRPath (no StructureDefinitions)";
            }
        });
        return context;
    }

    static DmpException invalid(String message) {
        return new DmpException(DmpErrorCode.METADATA_UPDATE_ERROR, "FHIRPath Patch: " + message, "PATCH");
    }

    /** One {@code operation} parameter. */
    private record Operation(String type, String path, String name, ParametersParameterComponent value, Integer index,
                             Integer source, Integer destination) {

        static Operation of(ParametersParameterComponent p) {
            String type = string(p, "type");
            String path = string(p, "path");
            if (type == null || path == null) {
                throw invalid("each operation has a 'type' and a 'path'");
            }
            if (!List.of("add", "insert", "delete", "replace", "move").contains(type)) {
                throw invalid("operation type " + type + " is not one of add, insert, delete, replace, move");
            }
            ParametersParameterComponent value = part(p, "value");
            if (List.of("add", "insert", "replace").contains(type) && value == null) {
                throw invalid("operation " + type + " at " + path + " needs a 'value'");
            }
            String name = string(p, "name");
            if (type.equals("add") && name == null) {
                throw invalid("operation add at " + path + " needs a 'name'");
            }
            return new Operation(type, path, name, value, integer(p, "index"), integer(p, "source"),
                    integer(p, "destination"));
        }

        void applyTo(DocumentReference r, IFhirPath engine) {
            switch (type) {
                case "add" -> {
                    Base container = single(r, engine, path);
                    if (value.hasValue()) {
                        container.setProperty(name, value.getValue());
                    } else {
                        populate(container.addChild(name), value.getPart());
                    }
                }
                case "insert" -> {
                    Split s = Split.of(path);
                    Base container = single(r, engine, s.container);
                    List<Base> list = list(container, s.name);
                    if (value.hasValue()) {
                        container.setProperty(s.name, value.getValue());
                    } else {
                        populate(container.addChild(s.name), value.getPart());
                    }
                    move(list(container, s.name), container, s.name, list.size(), index == null ? list.size() : index);
                }
                case "delete" -> {
                    List<Base> targets = engine.evaluate(r, path, Base.class);
                    if (targets.size() > 1) {
                        throw invalid("delete at " + path + ": the path designates " + targets.size() + " elements, one at most");
                    }
                    for (Base t : targets) {
                        Parent parent = Parent.of(r, t);
                        parent.base.removeChild(parent.name, t);
                    }
                }
                case "replace" -> {
                    Base target = single(r, engine, path);
                    if (target instanceof PrimitiveType<?> primitive && value.getValue() instanceof PrimitiveType<?> v) {
                        primitive.setValueAsString(v.getValueAsString());
                    } else {
                        Parent parent = Parent.of(r, target);
                        parent.base.removeChild(parent.name, target);
                        if (value.hasValue()) {
                            parent.base.setProperty(parent.name, value.getValue());
                        } else {
                            populate(parent.base.addChild(parent.name), value.getPart());
                        }
                    }
                }
                case "move" -> {
                    if (source == null || destination == null) {
                        throw invalid("move at " + path + " needs 'source' and 'destination'");
                    }
                    Split s = Split.of(path);
                    Base container = single(r, engine, s.container);
                    move(list(container, s.name), container, s.name, source, destination);
                }
                default -> throw invalid("operation type " + type);
            }
        }

        private static Base single(DocumentReference r, IFhirPath engine, String path) {
            List<Base> found = engine.evaluate(r, path, Base.class);
            if (found.size() != 1) {
                throw invalid("the path " + path + " designates " + found.size() + " elements; this operation needs exactly one");
            }
            return found.get(0);
        }

        /** The values of a repeating child, in order. */
        private static List<Base> list(Base container, String name) {
            Property p = container.getChildByName(name);
            if (p == null) {
                throw invalid(name + " is not an element of " + container.fhirType());
            }
            return new ArrayList<>(p.getValues());
        }

        /** Moves the element at {@code from} to {@code to}, by removing and re-adding the children in the new order. */
        private static void move(List<Base> values, Base container, String name, int from, int to) {
            if (from < 0 || from >= values.size() || to < 0 || to >= values.size()) {
                throw invalid("index " + from + " -> " + to + " out of range for " + name + " (" + values.size() + " elements)");
            }
            List<Base> reordered = new ArrayList<>(values);
            reordered.add(to, reordered.remove(from));
            values.forEach(v -> container.removeChild(name, v));
            reordered.forEach(v -> container.setProperty(name, v));
        }

        private static void populate(Base created, List<ParametersParameterComponent> parts) {
            for (ParametersParameterComponent part : parts) {
                if (part.hasValue()) {
                    Type v = part.getValue();
                    try {
                        created.setProperty(part.getName(), v);
                    } catch (FHIRException notAName) {
                        if (!part.getName().startsWith("value")) {
                            throw notAName;
                        }
                        created.setProperty("value[x]", v);
                    }
                } else {
                    populate(created.addChild(part.getName()), part.getPart());
                }
            }
        }

        private static ParametersParameterComponent part(ParametersParameterComponent p, String name) {
            return p.getPart().stream().filter(x -> name.equals(x.getName())).findFirst().orElse(null);
        }

        private static String string(ParametersParameterComponent p, String name) {
            ParametersParameterComponent x = part(p, name);
            return x != null && x.getValue() instanceof PrimitiveType<?> v ? v.getValueAsString() : null;
        }

        private static Integer integer(ParametersParameterComponent p, String name) {
            String s = string(p, name);
            try {
                return s == null ? null : Integer.valueOf(s);
            } catch (NumberFormatException e) {
                throw invalid("'" + name + "' is not an integer: " + s);
            }
        }
    }

    /** A path cut before its last element: {@code DocumentReference.securityLabel} -> container and name. */
    private record Split(String container, String name) {
        static Split of(String path) {
            int depth = 0;
            for (int i = path.length() - 1; i >= 0; i--) {
                char c = path.charAt(i);
                if (c == ')') {
                    depth++;
                } else if (c == '(') {
                    depth--;
                } else if (c == '.' && depth == 0) {
                    return new Split(path.substring(0, i), path.substring(i + 1));
                }
            }
            throw invalid("the path " + path + " names no element of a container");
        }
    }

    /** The element holding a value, and the child name under which it holds it. */
    private record Parent(Base base, String name) {
        static Parent of(Base root, Base target) {
            Parent found = find(root, target);
            if (found == null) {
                throw invalid("the element designated cannot be changed in place");
            }
            return found;
        }

        private static Parent find(Base node, Base target) {
            for (Property p : node.children()) {
                for (Base v : p.getValues()) {
                    if (v == target) {
                        return new Parent(node, p.getName());
                    }
                    Parent deeper = v == null ? null : find(v, target);
                    if (deeper != null) {
                        return deeper;
                    }
                }
            }
            return null;
        }
    }
}
