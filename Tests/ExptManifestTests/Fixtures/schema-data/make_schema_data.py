"""Writes the data files that the schema tests' manifests name (SchemaCase.decode).

Run from this folder: python3 make_schema_data.py
- i.idx, l.idx: IDX images and labels, four 2 x 3 images (values 0 to 23) of classes 0 to 3;
- c.bin: a CIFAR-10 batch of four images, image i labelled i with every byte i;
- t.csv: columns a, b and the label y, five rows of classes 0 and 1;
- t.txt: "ab" 40 times, a text of 80 characters and 2 distinct ones (enough for context 64).
"""
images = bytes([0, 0, 8, 3, 0, 0, 0, 4, 0, 0, 0, 2, 0, 0, 0, 3] + list(range(24)))
labels = bytes([0, 0, 8, 1, 0, 0, 0, 4, 0, 1, 2, 3])
cifar = b"".join(bytes([i]) + bytes([i]) * 3072 for i in range(4))
open("i.idx", "wb").write(images)
open("l.idx", "wb").write(labels)
open("c.bin", "wb").write(cifar)
open("t.csv", "w").write("a,b,y\n0.1,0.2,0\n0.3,0.4,1\n0.5,0.6,0\n0.7,0.8,1\n0.9,1.0,0\n")
open("t.txt", "w").write("ab" * 40)
